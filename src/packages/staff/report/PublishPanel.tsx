// Publishing a year's report (admin only): the first version, or a correction that replaces the
// published one and must say why (更正说明). The server refuses while the year is not over, while a
// consistency rule fails or without the overview; its message is shown as it comes.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { StaffRole } from '@/contracts/core';
import type { ReportSummary } from '@/contracts/report';
import { ApiCallError, call } from '@/services/api';
import { errorText, roleLabels } from '../shared';
import type { Compiled } from './model';

export const READER_ROUTE = (year: number) => `/packages/report/detail/index?year=${year}`;

interface Props {
  compiled: Compiled;
  roles: readonly StaffRole[];
  /** The draft form has changes that are not saved: publishing would leave them out. */
  draftDirty: boolean;
  onPublished: (summary: ReportSummary) => void;
}

export function PublishPanel({ compiled, roles, draftDirty, onPublished }: Props) {
  const isAdmin = roles.includes('admin');
  const correction = compiled.latest !== undefined;
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<ReportSummary>();
  const [sending, setSending] = useState(false);

  async function publish() {
    if (sending || !isAdmin) return;
    setError(undefined);
    setDone(undefined);
    if (draftDirty) {
      setError('草稿有未保存的修改，请先保存草稿再发布');
      return;
    }
    if (correction && !note.trim()) {
      setNoteError('请填写更正说明');
      return;
    }
    const next = (compiled.latest?.version ?? 0) + 1;
    const answer = await Taro.showModal({
      title: correction ? `发布第 ${next} 版（更正）？` : `发布 ${compiled.year} 年度报告？`,
      content: correction
        ? `第 ${compiled.latest!.version} 版仍可查阅，读者默认看到新版本和更正说明。发布后不能修改。`
        : '报告将向社会公开，发布后不能修改，如有错误只能发布更正版本。',
      confirmText: '发布',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setSending(true);
    try {
      const summary = await call('report', 'publish', { year: compiled.year, ...(correction ? { note: note.trim() } : {}) });
      setDone(summary);
      setNote('');
      setNoteError(undefined);
      onPublished(summary);
    } catch (cause) {
      const noteIssue = cause instanceof ApiCallError ? cause.issues.find((issue) => issue.path === 'note') : undefined;
      if (noteIssue) setNoteError(noteIssue.message);
      setError(errorText(cause));
    } finally {
      setSending(false);
    }
  }

  const disabled = !isAdmin || sending;
  return (
    <View className='card' id='publish-panel' role='group' aria-labelledby='publish-title'>
      <Text className='card-title' id='publish-title'>
        {correction ? '发布更正版本' : '发布年度报告'}
      </Text>
      <Text className='st-form-hint muted'>
        {correction
          ? `已发布第 ${compiled.latest!.version} 版（${compiled.latest!.publishedAt}）。更正将作为第 ${compiled.latest!.version + 1} 版发布，原版本保留可查。`
          : '发布按上方汇总的表格和已保存的草稿生成报告；须在年度结束后、所有勾稽关系校验通过时发布。'}
      </Text>
      {correction ? (
        <View>
          <Text className='st-form-label' id='publish-note-label'>
            更正说明（必填，将与报告一同公开）
          </Text>
          <Textarea
            id='publish-note'
            className='st-textarea'
            value={note}
            maxlength={500}
            disabled={!isAdmin}
            placeholder='例：补录本年制发的行政规范性文件 1 件，更正表二相应数字'
            aria-labelledby='publish-note-label'
            onInput={(event) => {
              setNote(event.detail.value);
              setNoteError(undefined);
            }}
          />
          {noteError ? (
            <Text className='st-field-error' id='error-note'>
              {noteError}
            </Text>
          ) : null}
        </View>
      ) : null}
      {isAdmin ? null : (
        <Text className='st-form-hint srp-disabled-reason' id='publish-disabled-reason'>
          仅管理员可以发布年度报告（您当前的身份：{roleLabels(roles) || '无'}）。请保存草稿后请管理员发布。
        </Text>
      )}
      {error ? (
        <View className='st-form-error' id='publish-error' role='alert'>
          <Text>{error}</Text>
        </View>
      ) : null}
      {done ? (
        <View className='st-form-success' id='publish-done' role='status'>
          <Text>
            已发布第 {done.version} 版（{done.publishedAt}）
          </Text>
          <View className='srp-link tap' id='publish-view' role='link' onClick={() => void Taro.navigateTo({ url: READER_ROUTE(done.year) })}>
            <Text>查看已发布的报告 ›</Text>
          </View>
        </View>
      ) : null}
      <View
        className={disabled ? 'button st-button-disabled srp-button' : 'button srp-button'}
        id='report-publish'
        role='button'
        aria-disabled={disabled}
        aria-describedby={isAdmin ? undefined : 'publish-disabled-reason'}
        onClick={disabled ? undefined : () => void publish()}
      >
        {sending ? '正在发布…' : correction ? `发布第 ${compiled.latest!.version + 1} 版` : '发布'}
      </View>
    </View>
  );
}
