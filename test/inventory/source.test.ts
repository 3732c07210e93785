/**
 * An inventory with a source the server re-reads on a schedule: a version when the content
 * changed, none when it is the same.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CoveredService } from '../../src/server/service.js';
import { FIXTURE_KB_DIR } from '../helpers.js';
import { until } from '../queue/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'covered-source-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a source re-read on schedule makes a version when its content changed, and none when it did not', { timeout: 120_000 }, async () => {
  const source = join(dir, 'export.csv');
  writeFileSync(source, 'name\nOrdinary Widgets Inc.\n');
  const service = await CoveredService.open({ dataDir: join(dir, 'data'), kbDir: FIXTURE_KB_DIR });
  try {
    const created = await service.monitor.create({ name: 'erp', source, refreshMinutes: 60 }, 'test');
    assert.equal(created.refreshMinutes, 60);
    const versions = async () => service.inventories.versions(created.id);
    const refreshedAt = async () => (await service.inventories.byId(created.id))?.refreshed_at;

    const start = Date.now();
    await service.monitor.scheduleRefreshes(start);
    await until(async () => ((await versions())[0]?.changes ? true : undefined), 'version 1');

    writeFileSync(source, 'name\nOrdinary Widgets Inc.\nSisterco Cloud Ltd.\n');
    await service.monitor.scheduleRefreshes(start + 61 * 60_000);
    await until(async () => ((await versions())[0]?.seq === 2 && (await versions())[0]?.changes ? true : undefined), 'version 2');
    const [v2] = await versions();
    assert.equal(v2!.reason, 'schedule');

    const before = await refreshedAt();
    await service.monitor.scheduleRefreshes(start + 122 * 60_000);
    await until(async () => ((await refreshedAt()) !== before ? true : undefined), 'the third re-read');
    assert.equal((await versions()).length, 2, 'the same content makes no version');

    // Not yet due: nothing is queued.
    const after = await refreshedAt();
    await service.monitor.scheduleRefreshes(Date.parse(after!) + 60_000);
    await service.runner.idle();
    assert.equal(await refreshedAt(), after);
  } finally {
    await service.close();
  }
});
