/**
 * A forward that records: {@link org.splitscope.capture.Capture} brings back the logits and every block's
 * attention and GAP, {@link org.splitscope.capture.CaptureService} runs it on a loaded model, the
 * walkthrough's internals, the npz writer, and the forced attention
 * ({@link org.splitscope.capture.Intervention}, {@link org.splitscope.capture.Interventions}) as values;
 * also the kernel check's child forward (IsaCheck).
 *
 * <p>May import: {@code engine}, {@code model}, {@code runtime}, {@code input} and {@code io}, and DJL.
 */
package org.splitscope.capture;
