// Prints one closing line CI can read: "jest: N passed, N failed, N skipped", and, when Chromium
// was missing, the one sentence that explains every browser test that failed for it.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    if (process.env.FACT_CHROMIUM_PROBLEM) process.stdout.write(`\n${process.env.FACT_CHROMIUM_PROBLEM}\n`);
    process.stdout.write(`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
