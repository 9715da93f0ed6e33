package vn.govsdk.dataexchange.portal;

import java.time.Instant;

/**
 * The department's answer to a portal question ({@code DongBoKetQuaHoiDapGuiTuDVCQG}).
 *
 * @param questionId the question ({@code MaCauHoi})
 * @param content the answer ({@code NoiDungTraLoi})
 * @param answeredBy the officer or unit ({@code NguoiTraLoi})
 * @param answeredAt when ({@code NgayTraLoi})
 */
public record Answer(String questionId, String content, String answeredBy, Instant answeredAt) {
}
