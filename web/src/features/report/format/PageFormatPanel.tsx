/** Format pane with no visual selected: the page's size and background, and the report theme. */
import { setPageBackground, setPageSize, setWorkbookTheme, ThemeError, type Page } from '@tessera/shared';
import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useWorkbookSnapshot } from '../../../workbook';
import { useEdit } from '../use-edit';
import { ColorField, NumberField, Section, SelectField } from './controls';
import { PAGE_SIZE_PRESETS, presetOf, type PageSizePreset } from './format-model';
import { useChartTheme } from './use-chart-theme';
import { customThemeName, encodeImportedTheme, themeChoice, type ThemeChoice } from './workbook-theme';

function PageSection({ page }: { page: Page }): ReactNode {
  const edit = useEdit();
  const theme = useChartTheme();
  const [customMode, setCustomMode] = useState(false);
  const preset = customMode ? 'custom' : presetOf(page.size);
  const choose = (id: PageSizePreset['id']) => {
    const size = PAGE_SIZE_PRESETS.find((p) => p.id === id)?.size;
    setCustomMode(id === 'custom');
    if (size) edit((doc) => setPageSize(doc, page.id, size));
  };
  const setDim = (key: 'width' | 'height') => (v: number | null) => {
    if (v === null) return;
    edit((doc) => setPageSize(doc, page.id, { ...page.size, [key]: Math.round(v) }));
  };
  return (
    <>
      <Section title="Page size" defaultOpen>
        <SelectField label="Page size" value={preset} options={PAGE_SIZE_PRESETS.map((p) => ({ value: p.id, label: p.label }))} onChange={choose} />
        {preset === 'custom' ? (
          <>
            <NumberField label="Page width" value={page.size.width} min={100} max={10000} placeholder="Width" onCommit={setDim('width')} />
            <NumberField label="Page height" value={page.size.height} min={100} max={10000} placeholder="Height" onCommit={setDim('height')} />
          </>
        ) : null}
      </Section>
      <Section title="Page background">
        <ColorField
          label="Page background colour"
          value={page.background ?? null}
          palette={['#FFFFFF', '#F3F2F1', '#252423', ...theme.dataColors]}
          fallback={theme.background}
          onChange={(c) => edit((doc) => setPageBackground(doc, page.id, c))}
        />
      </Section>
    </>
  );
}

function ThemeSection(): ReactNode {
  const edit = useEdit();
  const stored = useWorkbookSnapshot().meta.theme;
  const choice = themeChoice(stored);
  const input = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<{ file: string; items: string[] } | null>(null);
  const options: { value: ThemeChoice; label: string }[] = [
    { value: 'default', label: 'Follow the app (light or dark)' },
    { value: 'light', label: 'Light' },
    { value: 'dark', label: 'Dark' },
    ...(choice === 'custom' ? [{ value: 'custom' as const, label: customThemeName(stored) ?? 'Custom theme' }] : []),
  ];
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const value = encodeImportedTheme(await file.text(), file.name);
      edit((doc) => setWorkbookTheme(doc, value));
      setProblems(null);
    } catch (error) {
      setProblems({ file: file.name, items: error instanceof ThemeError ? error.problems : [error instanceof Error ? error.message : String(error)] });
    }
  };
  return (
    <Section title="Report theme" defaultOpen>
      <SelectField label="Report theme" value={choice} options={options} onChange={(v) => v !== 'custom' && edit((doc) => setWorkbookTheme(doc, v))} />
      <button type="button" className="btn fmt__import" onClick={() => input.current?.click()}>
        Import theme
      </button>
      <input ref={input} type="file" accept=".json,application/json" className="visually-hidden" aria-label="Theme file" tabIndex={-1} onChange={(e) => void onFile(e)} />
      {problems ? (
        <div className="fmt__alert" role="alert">
          <p>
            {problems.file} cannot be used as a theme. A Power BI theme is JSON with <code>"dataColors": ["#118DFF", …]</code> and optional
            <code>"background"</code>, <code>"foreground"</code>, <code>"tableAccent"</code> colours. Fix these entries and import it again:
          </p>
          <ul>
            {problems.items.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}

export function PageFormatPanel({ page }: { page: Page | undefined }): ReactNode {
  return (
    <div className="fmt__panel">
      {page ? <PageSection page={page} /> : null}
      <ThemeSection />
    </div>
  );
}
