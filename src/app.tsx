import { catalogue } from '@/domain/default-catalogue';

/** Placeholder shell until the designer lands (issue 3). */
export function App() {
  return (
    <main>
      <h1>ConfigMgr Port Planner</h1>
      <p>
        {catalogue.rules.length} rules from {catalogue.sections.length} sections.
      </p>
    </main>
  );
}
