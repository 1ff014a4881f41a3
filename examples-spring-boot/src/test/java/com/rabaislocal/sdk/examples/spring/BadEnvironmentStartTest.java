package com.rabaislocal.sdk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabaislocal.sdk.core.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The real start-up of the sample application with a bad environment: it stops with the SDK's report. */
@ExtendWith(OutputCaptureExtension.class)
class BadEnvironmentStartTest {

    @Test
    void aBadEnvironmentStopsTheStartWithEveryProblemAndNoSecret(CapturedOutput output) {
        SpringApplication app = new SpringApplication(OffersApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run("--SUPABASE_URL=http://abcdefghijklmnop.supabase.co",
                "--SUPABASE_ANON_KEY=" + SupabaseBackend.SECRET_KEY, "--GOAFFPRO_BASE_URL=https://api.goaffpro.com/v1?x=1",
                "--RABAISLOCAL_ENV=production"))
                .hasRootCauseInstanceOf(ConfigException.class);
        String printed = output.getAll();
        assertThat(printed).contains("APPLICATION FAILED TO START")
                .contains("The RabaisLocal SDK's configuration is invalid:")
                .contains("- SUPABASE_URL").contains("- SUPABASE_ANON_KEY").contains("- GOAFFPRO_BASE_URL")
                // GoAffPro is half configured: its token is missing, in the same report.
                .contains("- GOAFFPRO_API_KEY")
                .doesNotContain(SupabaseBackend.SECRET_KEY).doesNotContain("N7UND0Ug");
    }
}
