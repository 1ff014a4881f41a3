package com.rabaislocal.sdk.make.executions;

import com.rabaislocal.sdk.make.internal.MakeHttp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One day of a team's or organization's consumption.
 *
 * @param date the day (Make sends {@code DD-MM-YYYY})
 * @param operations operations consumed
 * @param dataTransfer bytes transferred
 * @param centicredits credits consumed, in hundredths
 */
public record DailyUsage(LocalDate date, long operations, long dataTransfer, long centicredits) {

    private static final DateTimeFormatter MAKE_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    /**
     * Reads a row of a usage answer.
     *
     * @param item the row
     * @return the day's usage
     */
    public static DailyUsage from(MakeHttp.Item item) {
        String d = item.requiredText("date");
        LocalDate date;
        try {
            date = LocalDate.parse(d, MAKE_DATE);
        } catch (DateTimeParseException e) {
            try {
                date = LocalDate.parse(d.length() > 10 ? d.substring(0, 10) : d);
            } catch (DateTimeParseException e2) {
                throw item.unexpected("usage date '" + d + "' is neither DD-MM-YYYY nor ISO");
            }
        }
        return new DailyUsage(date, item.optLong("operations").orElse(0L), item.optLong("dataTransfer").orElse(0L),
                item.optLong("centicredits").orElse(0L));
    }
}
