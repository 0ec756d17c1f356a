package org.splitscope.engine;

/**
 * Where each thing the weights cannot say came from, for one loaded file: the model card and
 * capture.json show these, so a reader can tell a fact of the file from a default.
 *
 * @param architecture "preset NAME", "file metadata" or "read off the weights"
 * @param avd the avd pool's placement: "preset NAME", "file metadata", "your choice" or the default
 * @param preprocessing "preset NAME", "file metadata" or "default"
 * @param labels "FILE", "file metadata", "default"
 */
public record Origins(String architecture, String avd, String preprocessing, String labels) {
    public static final String PRESET = "preset ";
    public static final String METADATA = "file metadata";
    public static final String WEIGHTS = "read off the weights";
    public static final String USER = "your choice";
    public static final String DEFAULT = "default";
}
