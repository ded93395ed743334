package com.sethihemant.site.content;

import java.util.Arrays;
import java.util.Optional;

/** Whether a source is part of the published site. Written as {@code :jbake-status:} in the header. */
public enum Status {
    /** Published once its date has come. */
    PUBLISHED("published"),
    /** Never published; visible only in the local preview. */
    DRAFT("draft");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Status> of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
