import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { Inspector } from './inspector';
import { SettingsPanel } from './settings-panel';

/** The right-hand column: the inspector of the selection, or the site settings. */
export function SidePanel() {
  const store = useAppStoreApi();
  const panel = useAppStore((s) => s.sidePanel);
  return (
    <aside className="side-panel" aria-label={panel === 'settings' ? 'Site settings' : 'Inspector'}>
      <div className="tabs" role="tablist" aria-label="Right panel">
        {(
          [
            ['inspector', 'Inspector'],
            ['settings', 'Site settings'],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={panel === id}
            aria-controls="side-panel-body"
            className="tabs__tab"
            onClick={() => store.getState().setSidePanel(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="side-panel__body" id="side-panel-body" role="tabpanel" aria-labelledby={`tab-${panel}`}>
        {panel === 'settings' ? <SettingsPanel /> : <Inspector />}
      </div>
    </aside>
  );
}
