// 主要指标 as a spreadsheet: category header rows, frozen 序号/指标名称, read-only definition columns and one
// 目标/实际 pair per plan year typed into directly. No Save button: every action is saved as one call and the
// status line says whether the last change is stored; failed cells keep their text, marked, until retried.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Button, message, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry, PlanDetail } from '../../../../shared/model';
import { planYears } from '../../lib/indicator-rows';
import { buildColumns, isEditableColumn, type SheetColumn } from '../../lib/sheet/columns';
import { definitionText } from '../../lib/sheet/display';
import type { PasteContext, PastePlan } from '../../lib/sheet/range-ops';
import { buildSheetRows, cellRefAt, indexRows, type CellRef, type SheetRow } from '../../lib/sheet/rows';
import { firstDataRow, rangeOf, type Pos } from '../../lib/sheet/selection';
import { sheetStatus, useSheetSaver } from '../../lib/sheet/use-sheet-saver';
import { useReportStatus, type StatusReporter } from '../../lib/status';
import { usePlanAccess } from '../../lib/plan-access';
import { lockedYears } from '../../lib/submission';
import { CellHistoryDrawer, type HistoryCell } from '../CellHistoryDrawer';
import { SheetContextMenu } from './SheetContextMenu';
import { SheetTable } from './SheetTable';
import { ValueCellEditor } from './ValueCellEditor';
import { useSheetCommands } from './use-sheet-commands';
import { useSheetMenu } from './use-sheet-menu';
import { useSheetMouse } from './use-sheet-mouse';
import { useSheetViewport } from './use-sheet-viewport';

export type OpenDefinition = (indicatorId: number | 'new', categoryId?: number) => void;

export interface IndicatorSheetProps {
  detail: PlanDetail;
  onStatus?: StatusReporter;
  onOpenDefinition?: OpenDefinition;
  /** reloads plan/get (after a revert); the sheet keeps showing the current data meanwhile */
  onReload: () => void;
  /** the indicator of the active cell (null on a category row), for tools acting on "the selected indicator" */
  onActiveIndicatorChange?: (indicatorId: number | null) => void;
}

export function IndicatorSheet({
  detail,
  onStatus,
  onOpenDefinition,
  onReload,
  onActiveIndicatorChange,
}: IndicatorSheetProps) {
  const { t } = useTranslation();
  const { session, snapshot } = useSheetSaver(detail.plan.id);
  useLayoutEffect(() => session.rebase(detail.indicators), [session, detail]);

  const { firstYear, lastYear } = detail.plan;
  const years = useMemo(() => planYears({ firstYear, lastYear }), [firstYear, lastYear]);
  const columns = useMemo(() => buildColumns(years), [years]);
  const rows = useMemo(() => buildSheetRows(detail.categories, detail.indicators), [detail]);
  const rowOf = useMemo(() => indexRows(rows), [rows]);
  const colOf = useMemo(() => new Map(columns.map((c, i) => [c.id, i])), [columns]);
  const departments = useMemo(() => new Map(detail.departments.map((d) => [d.id, d.name])), [detail.departments]);
  const grid = useMemo(() => ({ rows, colCount: columns.length, pageRows: 20 }), [rows, columns]);
  const { scrollRef, height, onScroll, firstRow, lastRow, pageRows, ensureVisible, editorBox } = useSheetViewport(
    rows.length,
    columns,
  );
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const [modal, modalHolder] = Modal.useModal();
  const [messageApi, messageHolder] = message.useMessage();
  // Actuals of a submitted (报送) year are read-only until the year is unlocked in 年度监测; every value of a closed
  // plan is read-only.
  const locked = useMemo(() => lockedYears(detail), [detail]);
  const access = usePlanAccess();
  const readOnly = access.readOnly;
  const [history, setHistory] = useState<HistoryCell | null>(null);

  const ctx: PasteContext = useMemo(
    () => ({
      rows,
      columns,
      textOf: (row: SheetRow, col: SheetColumn) => {
        if (row.type !== 'indicator') return '';
        const ref = cellRefAt(row, col);
        return ref ? session.cells.text(ref) : definitionText(col, row.indicator, t, departments);
      },
      isLocked: (ref: CellRef) => readOnly || (ref.kind === 'actual' && locked.has(ref.year)),
    }),
    [rows, columns, session, t, departments, locked, readOnly],
  );
  const onLocked = (year: number, quiet = false) => {
    if (readOnly) {
      session.setNote({ key: 'closed' });
      if (!quiet) void messageApi.warning({ key: 'sheet-locked', content: access.hint });
      return;
    }
    session.setNote({ key: 'locked', params: { year } });
    if (!quiet) void messageApi.warning({ key: 'sheet-locked', content: t('submission.lockedHint', { year }) });
  };

  const columnLabel = (col: SheetColumn): string =>
    col.kind === 'value'
      ? t('sheet.columnTitle', { year: col.year, kind: t(`sheet.col.${col.valueKind!}`) })
      : t(`sheet.col.${col.kind}`);
  const cellTitle = (ref: CellRef): string => {
    const ind = detail.indicators.find((i) => i.id === ref.indicatorId);
    const column = t('sheet.columnTitle', { year: ref.year, kind: t(`sheet.col.${ref.kind}`) });
    return t('sheet.cellTitle', { seq: ind?.seq ?? '', name: ind?.name ?? '', column });
  };
  const openHistory = (ref: CellRef) => setHistory({ ...ref, title: cellTitle(ref) });

  const openDefinition = (pos: Pos): boolean => {
    const row = rows[pos.row];
    if (!onOpenDefinition || !row) return false;
    if (row.type === 'indicator') onOpenDefinition(row.indicator.id);
    else onOpenDefinition('new', row.categoryId ?? undefined);
    return true;
  };

  const confirmOversize = (plan: PastePlan, proceed: () => void) => {
    void modal.confirm({
      title: t('sheet.oversize.title'),
      content: t('sheet.oversize.content', {
        rows: plan.blockRows,
        cols: plan.blockCols,
        fitRows: plan.fitRows,
        fitCols: plan.fitCols,
      }),
      okText: t('sheet.oversize.ok'),
      cancelText: t('sheet.oversize.cancel'),
      onOk: proceed,
      afterClose: () => inputRef.current?.focus({ preventScroll: true }),
    });
  };

  const firstValueCol = Math.max(
    0,
    columns.findIndex((c) => c.kind === 'value'),
  );
  const cmds = useSheetCommands(
    {
      ctx,
      grid: { ...grid, pageRows: pageRows },
      session,
      inputRef,
      ensureVisible: ensureVisible,
      rowOf,
      colOf,
      confirmOversize,
      openHistory,
      openDefinition,
      onLocked,
    },
    { row: firstDataRow(rows), col: firstValueCol },
  );

  const focus = useCallback(() => inputRef.current?.focus({ preventScroll: true }), []);
  // A new text box replaces the old one after each edit; it takes the focus over if the sheet had it.
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    if (hadFocus.current) focus();
  }, [cmds.editorKey, focus]);

  const mouse = useSheetMouse({
    getSel: cmds.getSel,
    setSel: cmds.setSel,
    isEditing: cmds.isEditing,
    commit: cmds.commit,
    focus,
    onActivate: (pos) => {
      if (isEditableColumn(columns[pos.col]) && rows[pos.row]?.type === 'indicator') cmds.startEdit('edit');
      else if (columns[pos.col]?.kind === 'name' || rows[pos.row]?.type === 'category') openDefinition(pos);
    },
    onMenu: (pos, x, y) => menuApi.openMenu(pos, x, y),
  });
  const menuApi = useSheetMenu({
    rows,
    columns,
    session,
    cmds,
    focus,
    openHistory,
    openDefinition,
    onNewIndicator: onOpenDefinition ? (categoryId) => onOpenDefinition('new', categoryId) : undefined,
    readOnly,
  });

  const historyTitle = history?.title ?? '';
  const onReverted = useCallback(
    (entry: ChangeLogEntry) => {
      session.applyRevert(entry, historyTitle);
      session.beginReload();
      onReload();
    },
    [session, onReload, historyTitle],
  );

  useReportStatus(onStatus, sheetStatus(snapshot, t, detail.indicators.length));

  const sel = cmds.sel;
  const appendix = detail.appendices.find((a) => a.kind === 'indicators');
  const activeRow = rows[sel.active.row];
  const activeCol = columns[sel.active.col];
  const activeIndicatorId = activeRow?.type === 'indicator' ? activeRow.indicator.id : null;
  useEffect(() => onActiveIndicatorChange?.(activeIndicatorId), [onActiveIndicatorChange, activeIndicatorId]);
  return (
    <div data-testid="indicators-page" className="sheet-page">
      {modalHolder}
      {messageHolder}
      <div className="sheet-toolbar">
        <Typography.Title level={5} className="sheet-title">
          {appendix ? `${appendix.label} ${appendix.title}` : t('nav.indicators')}
        </Typography.Title>
        <Typography.Text type="secondary" className="sheet-hint" data-testid="sheet-hint">
          {readOnly ? access.hint : t('sheet.hint')}
        </Typography.Text>
        {snapshot.failed > 0 && (
          <Button danger size="small" data-testid="sheet-retry" onClick={() => session.retry()}>
            {t('sheet.retry', { n: snapshot.failed })}
          </Button>
        )}
      </div>
      <div
        ref={scrollRef}
        className="sheet-scroll"
        style={{ height: height }}
        onScroll={onScroll}
        onMouseDown={(e) => {
          hadFocus.current = true;
          mouse.onMouseDown(e);
        }}
        onMouseOver={mouse.onMouseOver}
        onDoubleClick={mouse.onDoubleClick}
        onContextMenu={mouse.onContextMenu}
      >
        <SheetTable
          rows={rows}
          columns={columns}
          years={years}
          baseYear={detail.plan.baseYear}
          store={session.cells}
          selection={rangeOf(sel)}
          active={sel.active}
          firstRow={firstRow}
          lastRow={lastRow}
          departments={departments}
          lockedYears={locked}
          readOnlyHint={access.hint}
        />
        <ValueCellEditor
          key={cmds.editorKey}
          inputRef={inputRef}
          editing={cmds.editing}
          box={editorBox(sel.active)}
          label={
            activeRow?.type === 'indicator' && activeCol
              ? t('sheet.editorLabel', { name: activeRow.indicator.name, column: columnLabel(activeCol) })
              : t('nav.indicators')
          }
          onTypingStart={cmds.onTypingStart}
          onRejected={cmds.onRejected}
          onKeyDown={(e) => {
            hadFocus.current = true;
            cmds.onKeyDown(e);
          }}
          onCopy={cmds.onCopy}
          onCut={cmds.onCut}
          onPaste={cmds.onPaste}
          onBlur={(e) => {
            // Focus gone elsewhere (another control, a dialog): later edits must not pull it back.
            if (!(e.relatedTarget instanceof Node && scrollRef.current?.contains(e.relatedTarget)))
              hadFocus.current = false;
            cmds.onBlur();
          }}
        />
      </div>
      <SheetContextMenu target={menuApi.menu} onAction={menuApi.onMenuAction} onClose={menuApi.closeMenu} />
      <CellHistoryDrawer
        planId={detail.plan.id}
        cell={history}
        onClose={() => {
          setHistory(null);
          focus();
        }}
        onReverted={onReverted}
      />
    </div>
  );
}
