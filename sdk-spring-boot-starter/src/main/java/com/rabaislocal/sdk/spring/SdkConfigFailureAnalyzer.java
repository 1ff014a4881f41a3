package com.rabaislocal.sdk.spring;

import com.rabaislocal.sdk.core.error.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up stopped by the SDK's {@link ConfigException} into Spring Boot's failure report: the SDK's message
 * (every problem, one a line, no secret) and what to do, instead of a stack of bean-creation errors.
 */
class SdkConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        StringBuilder d = new StringBuilder("The RabaisLocal SDK's configuration is invalid:\n");
        for (String p : cause.problems()) {
            d.append("    - ").append(p).append('\n');
        }
        return new FailureAnalysis(d.toString(),
                "Set or correct the variables named above (environment variables such as SUPABASE_URL, or"
                        + " rabaislocal.* properties); see docs/SPRING-BOOT.md.", cause);
    }
}
