/**
 * Runs over many inputs: the input list of a file, folder or labels CSV ({@link org.splitscope.batch.DatasetInput},
 * {@link org.splitscope.batch.LabelsCsv}), the loop that the {@code capture}, {@code cam} and {@code knockout}
 * commands share ({@link org.splitscope.batch.BatchRun}: lock, batches, {@code --skip-bad}, stop between
 * batches) and the progress it reports. May import engine, input, io and the root package; no view, no app.
 */
package org.splitscope.batch;
