package com.rabaislocal.sdk.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ConfigException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RabaisEnvironmentTest {

    @Test
    void urlsAreThoseOfThePlatform() {
        assertEquals(URI.create("http://localhost:3000"), RabaisEnvironment.DEVELOPMENT.frontendUrl());
        assertEquals(URI.create("http://localhost:3000"), RabaisEnvironment.DEVELOPMENT.appUrl());
        assertEquals(URI.create("http://localhost:3001"), RabaisEnvironment.DEVELOPMENT.apiUrl());
        assertEquals(URI.create("https://staging.rabaislocal.com"), RabaisEnvironment.STAGING.frontendUrl());
        assertEquals(URI.create("https://staging.rabaislocal.com"), RabaisEnvironment.STAGING.appUrl());
        assertEquals(URI.create("https://staging-api.rabaislocal.com"), RabaisEnvironment.STAGING.apiUrl());
        assertEquals(URI.create("https://rabaislocal.com"), RabaisEnvironment.PRODUCTION.frontendUrl());
        assertEquals(URI.create("https://app.rabaislocal.com"), RabaisEnvironment.PRODUCTION.appUrl());
        assertEquals(URI.create("https://api.rabaislocal.com"), RabaisEnvironment.PRODUCTION.apiUrl());
    }

    @ParameterizedTest
    @CsvSource({"development,DEVELOPMENT", "dev,DEVELOPMENT", "DEV,DEVELOPMENT", " Development ,DEVELOPMENT",
            "staging,STAGING", "stage,STAGING", "STAGING,STAGING", "production,PRODUCTION", "prod,PRODUCTION",
            "Prod,PRODUCTION"})
    void parsesLeniently(String raw, RabaisEnvironment expected) {
        assertEquals(expected, RabaisEnvironment.parse(raw));
    }

    @Test
    void unsetMeansDevelopment() {
        assertEquals(RabaisEnvironment.DEVELOPMENT, RabaisEnvironment.parse(null));
        assertEquals(RabaisEnvironment.DEVELOPMENT, RabaisEnvironment.parse("   "));
    }

    @Test
    void unknownNameIsAConfigProblemNamingTheVariable() {
        ConfigException e = assertThrows(ConfigException.class, () -> RabaisEnvironment.parse("qa"));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("RABAISLOCAL_ENV"), e.getMessage());
        assertTrue(e.getMessage().contains("'qa'"), e.getMessage());
        assertTrue(e.getMessage().contains("development, dev, staging, stage, production, prod"), e.getMessage());
    }

    @Test
    void aLongUnknownValueIsNotEchoed() {
        String pasted = Fixtures.OPENAI_KEY;
        ConfigException e = assertThrows(ConfigException.class, () -> RabaisEnvironment.parse(pasted));
        assertFalse(e.getMessage().contains(pasted), e.getMessage());
        assertTrue(e.getMessage().contains(pasted.length() + " chars"), e.getMessage());
    }

    @Test
    void onlyProductionRefusesLoopback() {
        assertTrue(RabaisEnvironment.DEVELOPMENT.allowsLoopback());
        assertTrue(RabaisEnvironment.STAGING.allowsLoopback());
        assertFalse(RabaisEnvironment.PRODUCTION.allowsLoopback());
    }
}
