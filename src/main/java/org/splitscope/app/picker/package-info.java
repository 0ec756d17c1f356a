/**
 * The model picker: the window's panel that opens a weights file, a bundled model or a pretrained
 * one from the hub ({@link org.splitscope.app.picker.ModelPanel} over {@link
 * org.splitscope.app.picker.ModelViewModel}) and shows its architecture summary. The network itself
 * lives in {@code org.splitscope.model}; loading it in {@code org.splitscope.engine}.
 */
package org.splitscope.app.picker;
