/**
 * Statistics shared by several views and commands, computed from a capture: a block's attention matrix, its
 * entropy, split statistics and contributions, running moments (Welford), and the ablation table's record.
 *
 * <p>May import: {@code capture} and {@code model}. Never a view, {@code figure}, {@code app} or
 * {@code cli}.
 */
package org.splitscope.analysis;
