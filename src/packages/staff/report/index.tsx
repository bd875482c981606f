// 年度报告编制: the staff's workbench for the statutory annual report. Tables 2–4 compiled from the
// records for a year (live for the current year), the consistency checks, the draft text and yearly
// figures, publishing (admin), and the records behind Tables 2 and 4. Opens on last year's report
// until it is published in January (条例第四十九条: by 31 January), else on this year so far.
import { useCallback, useMemo, useRef, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { StaffRole } from '@/contracts/core';
import { table2Layout, table3Layout, table4Layout } from '@/domain/report/layout';
import { call } from '@/services/api';
import { useRemote } from '@/hooks/useRemote';
import { PageShell } from '@/components/PageShell';
import { RemoteView } from '@/components/RemoteView';
import { ReportTable } from '../../report/detail/ReportTable';
import { errorText, isNotStaff, StaffOnly } from '../shared';
import { DraftEditor } from './DraftEditor';
import { PublishPanel } from './PublishPanel';
import { AppealsPanel, DocumentsPanel } from './Records';
import { deadlineStatus, lastYearComesFirst, reminderText, serverYearOf, type Compiled, type DeadlineStatus } from './model';
import '../staff.css';
import './index.css';

const RULE_LABELS: Record<string, string> = {
  non_negative_integer: '非负整数',
  non_negative: '非负数',
  row_total: '行合计',
  column_total: '列合计',
  balance: '勾稽平衡（一＋二＝三＋四）',
  shape: '表格结构',
};

interface Loaded {
  compiled: Compiled;
  /** The server's year (its date decides, not the phone's). */
  serverYear: number;
  /** Last year's report against its deadline, for the reminder. */
  lastYear: DeadlineStatus;
  /** Changes with every load: a later load replaces the answers of saves made before it. */
  loadId: number;
}

let loads = 0;

/** The first load: last year's report while it is due and unpublished, else this year's. */
async function loadDefault(): Promise<Omit<Loaded, 'loadId'>> {
  // The phone's idea of last year; the server's date (asOf) corrects it if the two disagree.
  let last = await call('report', 'compile', { year: new Date().getFullYear() - 1 });
  const serverYear = serverYearOf(last);
  if (last.year !== serverYear - 1) last = await call('report', 'compile', { year: serverYear - 1 });
  const lastYear = deadlineStatus(last);
  if (lastYearComesFirst(lastYear)) return { compiled: last, serverYear, lastYear };
  return { compiled: await call('report', 'compile', { year: serverYear }), serverYear, lastYear };
}

function Tables({ compiled }: { compiled: Compiled }) {
  const layouts = useMemo(
    () => [
      { title: '表二 主动公开政府信息情况', layout: table2Layout(compiled.table2) },
      { title: '表三 收到和处理政府信息公开申请情况', layout: table3Layout(compiled.table3) },
      { title: '表四 政府信息公开行政复议、行政诉讼情况', layout: table4Layout(compiled.table4) },
    ],
    [compiled],
  );
  return (
    <View className='card' id='report-tables'>
      <Text className='card-title'>汇总的表格</Text>
      {layouts.map((table) => (
        <View key={table.layout.id} className='srp-table'>
          <View className='srp-table-title' role='heading' aria-level={3}>
            {table.title}
          </View>
          <ReportTable layout={table.layout} caption={table.title} />
        </View>
      ))}
    </View>
  );
}

function Checks({ compiled }: { compiled: Compiled }) {
  if (compiled.violations.length === 0) {
    return (
      <View className='st-form-success srp-checks' id='checks-ok' role='status'>
        <Text>校验通过：表二至表四的勾稽关系均成立</Text>
      </View>
    );
  }
  return (
    <View className='srp-violations' id='violations' role='alert'>
      <Text className='srp-violations-title'>校验未通过（{compiled.violations.length} 处），修正前不能发布：</Text>
      {compiled.violations.map((violation) => (
        <View key={`${violation.table}-${violation.cell}-${violation.rule}`} className='srp-violation' data-testid='violation' data-cell={violation.cell} data-rule={violation.rule}>
          <Text className='srp-violation-where'>
            表{['', '', '二', '三', '四'][violation.table] ?? violation.table} · 单元格 {violation.cell} · 规则：{RULE_LABELS[violation.rule] ?? violation.rule}
          </Text>
          <Text className='srp-violation-message'>{violation.message}</Text>
        </View>
      ))}
    </View>
  );
}

export default function StaffReport() {
  const whoami = useRemote(() => call('portal', 'whoami', {}), []);
  const [picked, setPicked] = useState<number>();
  const lastYearRef = useRef<DeadlineStatus>();
  /** The year on screen: a reload (retry, page shown again) stays on it rather than choosing again. */
  const shownYearRef = useRef<number>();
  // Cases answered elsewhere change the live tables: compile again when the page is shown again.
  const remote = useRemote<Loaded>(
    async () => {
      loads += 1;
      const loadId = loads;
      const target = picked ?? shownYearRef.current;
      if (target === undefined) {
        const first = await loadDefault();
        lastYearRef.current = first.lastYear;
        shownYearRef.current = first.compiled.year;
        return { ...first, loadId };
      }
      const compiled = await call('report', 'compile', { year: target });
      const serverYear = serverYearOf(compiled);
      const lastYear = compiled.year === serverYear - 1 || !lastYearRef.current ? deadlineStatus(compiled) : lastYearRef.current;
      lastYearRef.current = lastYear;
      shownYearRef.current = compiled.year;
      return { compiled, serverYear, lastYear, loadId };
    },
    [picked],
    { refreshOnShow: true },
  );
  /** The latest answer after a save or publish, for the load it followed (a newer load wins). */
  const [freshState, setFreshState] = useState<{ compiled: Compiled; loadId: number }>();
  const [draftDirty, setDraftDirty] = useState(false);
  const [refreshError, setRefreshError] = useState<string>();

  const loaded = remote.data;
  const fresh = loaded && freshState && freshState.loadId === loaded.loadId && freshState.compiled.year === loaded.compiled.year ? freshState.compiled : undefined;
  const compiled = fresh ?? loaded?.compiled;
  const year = compiled?.year;
  const loadId = loaded?.loadId;
  const setFresh = useCallback((next: Compiled | undefined) => setFreshState(next && loadId !== undefined ? { compiled: next, loadId } : undefined), [loadId]);

  const recompile = useCallback(async () => {
    if (year === undefined) return;
    try {
      setFresh(await call('report', 'compile', { year }));
      setRefreshError(undefined);
    } catch (cause) {
      setRefreshError(`表格未能重新汇总：${errorText(cause)}`);
    }
  }, [year, setFresh]);

  if ((remote.error && isNotStaff(remote.error)) || (whoami.data && whoami.data.roles.length === 0)) {
    return (
      <PageShell testId='staff-report'>
        <StaffOnly />
      </PageShell>
    );
  }

  return (
    <PageShell testId='staff-report'>
      <View className='header'>
        <Text className='header-title'>年度报告编制</Text>
        <Text className='header-sub'>政府信息公开工作年度报告：由申请、复议诉讼和文件记录汇总表格，校验后发布（条例第四十九条、第五十条）</Text>
      </View>
      <RemoteView state={whoami}>
        {(me) => (
          <RemoteView state={remote}>
            {(data) => {
              const roles: readonly StaffRole[] = me.roles;
              const canEdit = roles.includes('clerk') || roles.includes('admin');
              const shown = compiled ?? data.compiled;
              const years = Array.from({ length: 6 }, (_, i) => data.serverYear - i);
              const lastYear = fresh && fresh.year === data.serverYear - 1 ? deadlineStatus(fresh) : data.lastYear;
              const reminder = reminderText(lastYear);
              return (
                <>
                  {reminder ? (
                    <View className={`srp-reminder${lastYear.daysToDeadline < 0 ? ' srp-reminder-overdue' : ''}`} id='report-reminder' role='alert'>
                      <Text className='srp-reminder-tag'>{lastYear.daysToDeadline < 0 ? '逾期未发布' : '发布提醒'}</Text>
                      <Text className='srp-reminder-text'>{reminder}</Text>
                      {shown.year !== lastYear.year ? (
                        <View
                          className='srp-reminder-open'
                          id='report-reminder-open'
                          role='button'
                          onClick={() => {
                            setFresh(undefined);
                            setPicked(lastYear.year);
                          }}
                        >
                          去编制 ›
                        </View>
                      ) : null}
                    </View>
                  ) : null}

                  <View className='card' id='report-year-card'>
                    <Text className='st-form-label srp-first-label' id='report-year-label'>
                      报告年度
                    </Text>
                    <Picker
                      mode='selector'
                      id='report-year'
                      range={years.map((y) => (y === data.serverYear ? `${y} 年度（本年，截至今日）` : `${y} 年度`))}
                      value={Math.max(0, years.indexOf(shown.year))}
                      onChange={(event) => {
                        const next = years[Number(event.detail.value)];
                        if (next === undefined || next === shown.year) return;
                        setFresh(undefined);
                        setPicked(next);
                      }}
                    >
                      <View className='row tap st-picker-row' role='button' aria-labelledby='report-year-label'>
                        <Text id='report-year-value'>{shown.year} 年度</Text>
                        <Text className='st-picker-value'>▾</Text>
                      </View>
                    </Picker>
                    {remote.loading ? <Text className='muted srp-loading'>正在汇总…</Text> : null}
                    {shown.yearComplete ? null : (
                      <Text className='srp-live' id='report-live'>
                        本年截至今日（{shown.asOf}）的实时统计，数字随办理进展变化；年度结束后方可发布。
                      </Text>
                    )}
                    <Text className='srp-status' id='report-status'>
                      {shown.latest ? `已发布第 ${shown.latest.version} 版（${shown.latest.publishedAt}）` : '尚未发布'}
                      {` · 发布期限 ${shown.publicationDeadline}`}
                    </Text>
                    <View className='srp-counts' id='report-counts'>
                      <View className='srp-count' id='count-cases' data-count={shown.caseCount} aria-label={`涉及申请 ${shown.caseCount} 件`}>
                        <Text className='srp-count-value'>{shown.caseCount}</Text>
                        <Text className='srp-count-label'>涉及申请（件）</Text>
                      </View>
                      <View className='srp-count' id='count-appeals' data-count={shown.appealCount} aria-label={`本年受理的行政复议和诉讼 ${shown.appealCount} 件`}>
                        <Text className='srp-count-value'>{shown.appealCount}</Text>
                        <Text className='srp-count-label'>复议和诉讼（件）</Text>
                      </View>
                    </View>
                    <Checks compiled={shown} />
                    {refreshError ? (
                      <View className='st-form-error' id='refresh-error' role='alert'>
                        <Text>{refreshError}</Text>
                      </View>
                    ) : null}
                  </View>

                  <Tables compiled={shown} />
                  <DocumentsPanel year={shown.year} today={shown.asOf} canEdit={canEdit} onChanged={() => void recompile()} />
                  <AppealsPanel year={shown.year} today={shown.asOf} canEdit={canEdit} onChanged={() => void recompile()} />
                  <DraftEditor key={`draft-${shown.year}`} compiled={shown} canEdit={canEdit} onSaved={setFresh} onDirty={setDraftDirty} />
                  <PublishPanel key={`publish-${shown.year}`} compiled={shown} roles={roles} draftDirty={draftDirty} onPublished={() => void recompile()} />
                </>
              );
            }}
          </RemoteView>
        )}
      </RemoteView>
    </PageShell>
  );
}
