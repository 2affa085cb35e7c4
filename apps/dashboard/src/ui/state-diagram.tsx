// The procedure's state machine as an SVG: the stages left to right in rows (four a row, two on a
// phone so the boxes keep a readable size without scrolling sideways), the states outside the main
// path (suspended, completed, cancelled) in the last rows, an arrow for every transition, the
// current state filled. The same information as a list follows for screen readers.

import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.js';
import type { ProcedureMeta } from '../context.js';
import { commandLabel, term } from '../i18n.js';

const BOX_W = 150;
const BOX_H = 44;
const GAP_X = 34;
const GAP_Y = 46;
const PER_ROW = 4;
const PER_ROW_NARROW = 2;
/** The width below which the page switches to its phone layout (styles.css uses the same). */
const NARROW = '(max-width: 640px)';

type Box = { state: string; x: number; y: number };

export function layout(meta: ProcedureMeta, perRow = PER_ROW): Box[] {
  const main = meta.stages;
  const others = meta.states.filter((s) => !main.includes(s) && s !== 'unopened');
  const boxes: Box[] = main.map((state, i) => {
    const row = Math.floor(i / perRow);
    const col = row % 2 === 0 ? i % perRow : perRow - 1 - (i % perRow);
    return { state, x: col * (BOX_W + GAP_X), y: row * (BOX_H + GAP_Y) };
  });
  const lastRow = Math.ceil(main.length / perRow);
  others.forEach((state, i) => {
    const row = lastRow + Math.floor(i / perRow);
    boxes.push({ state, x: (i % perRow) * (BOX_W + GAP_X), y: row * (BOX_H + GAP_Y) + 40 });
  });
  return boxes;
}

/** Boxes per row: fewer on a phone, following the viewport as it turns or resizes. */
function usePerRow(): number {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(NARROW) : undefined;
  const [narrow, setNarrow] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return undefined;
    const onChange = () => setNarrow(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow ? PER_ROW_NARROW : PER_ROW;
}

function edgePath(from: Box, to: Box): string {
  const fx = from.x + BOX_W / 2;
  const fy = from.y + BOX_H / 2;
  const tx = to.x + BOX_W / 2;
  const ty = to.y + BOX_H / 2;
  if (from.y === to.y) {
    const dir = tx > fx ? 1 : -1;
    const adjacent = Math.abs(tx - fx) <= BOX_W + GAP_X + 1;
    const sx = fx + (dir * BOX_W) / 2;
    const ex = tx - (dir * BOX_W) / 2;
    if (adjacent) return `M ${sx} ${fy - 6} L ${ex} ${ty - 6}`;
    // Same row, not adjacent: arc over the boxes.
    return `M ${fx} ${from.y} C ${fx} ${from.y - 30}, ${tx} ${to.y - 30}, ${tx} ${to.y}`;
  }
  const down = ty > fy;
  const sy = down ? from.y + BOX_H : from.y;
  const ey = down ? to.y : to.y + BOX_H;
  return `M ${fx} ${sy} C ${fx} ${(sy + ey) / 2}, ${tx} ${(sy + ey) / 2}, ${tx} ${ey}`;
}

export function StateDiagram({ meta, current }: { meta: ProcedureMeta; current: string }) {
  const { t, lang } = useApp();
  const perRow = usePerRow();
  const boxes = layout(meta, perRow);
  const at = new Map(boxes.map((box) => [box.state, box]));
  const width = perRow * (BOX_W + GAP_X) - GAP_X + 2;
  const height = Math.max(...boxes.map((b) => b.y)) + BOX_H + 4;
  const edges = meta.transitions.filter(
    (edge, i, all) =>
      edge.from !== edge.to &&
      // Transitions every stage has (suspend, cancel, complete) are said once, not drawn 11 times.
      !edge.anyStage &&
      // Into an end state (completed once every post is settled): only from where it stands now.
      (!meta.finalStates.includes(edge.to) || edge.from === current) &&
      at.has(edge.from) &&
      at.has(edge.to) &&
      all.findIndex((e) => e.from === edge.from && e.to === edge.to) === i,
  );
  const commands = meta.commandsByState[current] ?? [];
  const sideRowY = boxes.find((box) => !meta.stages.includes(box.state))?.y;
  return (
    <figure class="diagram" data-per-row={perRow}>
      <div class="diagram-scroll">
      <svg
        viewBox={`-1 -40 ${width} ${height + 40}`}
        role="img"
        aria-labelledby="diagram-title diagram-desc"
        class="state-svg"
      >
        <title id="diagram-title">{t('diagramTitle')}</title>
        <desc id="diagram-desc">
          {t('diagramDesc')} {t('current')}: {term(lang, current)}
        </desc>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
          </marker>
        </defs>
        {edges.map((edge) => (
          <path
            key={`${edge.from}-${edge.to}`}
            d={edgePath(at.get(edge.from)!, at.get(edge.to)!)}
            class={`edge${meta.stages.includes(edge.to) && meta.stages.includes(edge.from) ? '' : ' edge-side'}`}
            marker-end="url(#arrow)"
          />
        ))}
        {sideRowY !== undefined && (
          <text x={0} y={sideRowY - 32} class="diagram-note">
            {t('diagramFromAny')}
          </text>
        )}
        {boxes.map((box) => {
          const isCurrent = box.state === current;
          return (
            <g key={box.state} class={`node${isCurrent ? ' node-current' : ''}${meta.finalStates.includes(box.state) ? ' node-final' : ''}`} data-state={box.state}>
              <rect x={box.x} y={box.y} width={BOX_W} height={BOX_H} rx={8} />
              <text x={box.x + BOX_W / 2} y={box.y + BOX_H / 2 + 5} text-anchor="middle">
                {term(lang, box.state)}
              </text>
            </g>
          );
        })}
      </svg>
      </div>
      <figcaption>
        <p>
          <strong>{t('current')}:</strong>{' '}
          <span class="state state-current" data-current-state={current}>
            {term(lang, current)}
          </span>
        </p>
        {commands.length > 0 && (
          <details>
            <summary>{t('diagramCommands', { state: term(lang, current) })}</summary>
            <ul class="compact">
              {commands.map((c) => (
                <li key={c.type}>
                  {commandLabel(lang, c.type)} <code>{c.type}</code> ({c.roles.join(', ')})
                </li>
              ))}
            </ul>
          </details>
        )}
      </figcaption>
    </figure>
  );
}
