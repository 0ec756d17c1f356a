/**
 * The native runtime set-up: everything that must happen before or just after DJL's PyTorch engine
 * loads (telemetry off and offline, the oneDNN instruction set, the allocator, NNPACK off, thread
 * counts and OpenMP's wait), devices in the user's words, and how speed figures are summarised.
 * {@link org.splitscope.runtime.Engines} is the one way in; nothing here knows about models.
 *
 * <p>May import: DJL, JNA, {@code org.splitscope} (the exception) and {@code io}. Nothing above it.
 */
package org.splitscope.runtime;
