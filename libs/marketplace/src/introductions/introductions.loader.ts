import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { querySql, Viewer } from '@app/core';
import { IntroductionRow, needIntroductionsStatement } from './introductions.query';

/** Per-request batching for introductions: one statement per batch of needs. */
export function createIntroductionLoaders(dataSource: DataSource, viewer: Viewer | null) {
  return {
    /** `ResourceNeed.introductions`: those the viewer may see, newest first, bounded per need. */
    ofNeed: new DataLoader<string, IntroductionRow[]>(async (needIds) => {
      if (!viewer) return needIds.map(() => []);
      const rows = await querySql<IntroductionRow>(dataSource, needIntroductionsStatement(dataSource, viewer, needIds));
      const byNeed = new Map<string, IntroductionRow[]>();
      for (const row of rows) byNeed.set(row.needId, [...(byNeed.get(row.needId) ?? []), row]);
      return needIds.map((id) => byNeed.get(id) ?? []);
    }),
  };
}
