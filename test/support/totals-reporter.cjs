// Ends every run with the plain totals line CI reads: "N passed, N failed[, N skipped]".
// A run that executed no test at all is a failure, never a silent pass.
class TotalsReporter {
  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const failed = results.numFailedTests;
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
    process.stdout.write(`\n${line}\n`);
    if (results.numTotalTests === 0) {
      process.stdout.write('No test was executed: failing the run.\n');
      process.exitCode = 1;
    }
  }
}
module.exports = TotalsReporter;
