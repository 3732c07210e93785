// A node:test reporter that counts leaf tests and writes {"passed","failed"} as JSON.
export default async function* summaryReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    // Suites report too; count only tests that have no subtests.
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
  }
  yield JSON.stringify({ passed, failed });
}
