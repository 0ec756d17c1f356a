/**
 * Files and text at the bottom of every layer: atomic writes, folder locks, .npy/.npz, JSON read
 * with limits, SHA-256, user folders, and text made safe to print on a terminal.
 *
 * <p>May import: nothing of SplitScope's but the root package's exception.
 */
package org.splitscope.io;
