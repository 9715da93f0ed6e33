package vn.govsdk.dataexchange.city;

import java.time.LocalDateTime;

/**
 * A hotline 1022 report as the service shows it.
 *
 * @param reportId the report id (mã phản ánh)
 * @param state the handling state
 * @param rawState the state code as served
 * @param category the category, or {@code null} if the code is unknown to this SDK
 * @param wardCode the ward code
 * @param latitude the latitude
 * @param longitude the longitude
 * @param description the description
 * @param receivedAt when it was received, Vietnam local time, or {@code null}
 */
public record FeedbackStatus(String reportId, FeedbackState state, String rawState, FeedbackCategory category,
        String wardCode, double latitude, double longitude, String description, LocalDateTime receivedAt) {
}
