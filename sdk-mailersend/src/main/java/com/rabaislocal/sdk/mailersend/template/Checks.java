package com.rabaislocal.sdk.mailersend.template;

import com.rabaislocal.sdk.core.error.ValidationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the problems of an email's values, to throw them all at once. */
final class Checks {

    private final String subject;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    Checks(String subject) {
        this.subject = subject;
    }

    Checks text(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
        }
        return this;
    }

    Checks present(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
        return this;
    }

    Checks url(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
            return this;
        }
        try {
            URI u = new URI(value);
            if (u.getScheme() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))
                    || u.getHost() == null) {
                add(field, "must be an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            add(field, "is not a URL");
        }
        return this;
    }

    Checks that(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    private void add(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    void done() {
        if (!errors.isEmpty()) {
            throw new ValidationException(subject, errors);
        }
    }
}
