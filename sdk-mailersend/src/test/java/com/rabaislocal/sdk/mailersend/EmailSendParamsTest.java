package com.rabaislocal.sdk.mailersend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabaislocal.sdk.core.error.ValidationException;
import com.rabaislocal.sdk.core.testing.FakeClock;
import com.rabaislocal.sdk.mailersend.emails.Attachment;
import com.rabaislocal.sdk.mailersend.emails.EmailSendParams;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailSendParamsTest {

    @Test
    void everyBrokenLimitIsListedAtOnceUnderItsWirePath() {
        FakeClock clock = FakeClock.create();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user.name", "Ana");
        data.put("ok", Map.of("deep.key", 1));
        EmailSendParams.Builder b = EmailSendParams.builder().clock(clock).from("not-an-address")
                .subject("x".repeat(999)).cc("bad cc@example.com", null)
                .personalization("a@example.com", data)
                .tags("1", "2", "3", "4", "5", "6").sendAt(clock.instant().plus(Duration.ofHours(73)))
                .attachment(Attachment.inline(new byte[] {1}, "logo.png", null))
                .inReplyTo("r".repeat(999)).listUnsubscribe("u".repeat(991));
        for (int i = 0; i < 51; i++) {
            b.to("r" + i + "@example.com");
        }
        for (int i = 0; i < 11; i++) {
            b.bcc("b" + i + "@example.com", null);
        }
        ValidationException e = assertThrows(ValidationException.class, b::build);
        assertEquals(List.of("from.email", "to", "cc.0.email", "bcc", "subject", "text",
                "personalization.0.data.user.name", "personalization.0.data.ok.deep.key", "tags", "send_at",
                "attachments.0.id", "in_reply_to", "list_unsubscribe"), List.copyOf(e.fieldErrors().keySet()));
        assertTrue(e.getMessage().contains("dot notation"), e.getMessage());
    }

    @Test
    void aTemplateMakesSenderSubjectAndBodyOptional() {
        EmailSendParams p = EmailSendParams.builder().to("a@example.com").templateId("tpl").build();
        assertTrue(p.from().isEmpty());
        assertEquals("tpl", p.body().get("template_id"));
    }

    @Test
    void noRecipientAndNoContentAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> EmailSendParams.builder().from("a@example.com").build());
        assertEquals(List.of("to", "subject", "text"), List.copyOf(e.fieldErrors().keySet()));
    }

    @Test
    void aSendAtInThePastIsRefusedAndSeventyTwoHoursIsAccepted() {
        FakeClock clock = FakeClock.create();
        EmailSendParams.Builder b = EmailSendParams.builder().clock(clock).from("a@example.com").to("b@example.com")
                .subject("s").text("t");
        assertEquals(clock.instant().plus(Duration.ofHours(72)),
                b.sendAt(clock.instant().plus(Duration.ofHours(72))).build().sendAt().orElseThrow());
        ValidationException e = assertThrows(ValidationException.class,
                () -> b.sendAt(clock.instant().minusSeconds(60)).build());
        assertTrue(e.fieldErrors().containsKey("send_at"));
    }

    @Test
    void toStringMasksAddressesAndLeavesOutTheBody() {
        EmailSendParams p = EmailSendParams.builder().from("offres@rabaislocal.com").to("chloe@example.com")
                .subject("Secret subject").html("<p>body</p>").build();
        String s = p.toString();
        assertFalse(s.contains("chloe@"), s);
        assertFalse(s.contains("Secret subject"), s);
        assertFalse(s.contains("body"), s);
        assertTrue(s.contains("o***@rabaislocal.com"), s);
    }
}
