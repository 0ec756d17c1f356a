/**
 * Reading and writing weight files without Python: safetensors, PyTorch's zip and legacy pickles
 * (through an allow-list of globals, never executing anything), DJL's .params; each to a
 * {@link org.splitscope.checkpoint.StateDict} of named tensors, within size limits.
 *
 * <p>May import: {@code io} and {@code model} (parameter names and shapes) and DJL.
 */
package org.splitscope.checkpoint;
