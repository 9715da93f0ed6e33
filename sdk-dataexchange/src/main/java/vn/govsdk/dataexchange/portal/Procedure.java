package vn.govsdk.dataexchange.portal;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One administrative procedure in full ({@code LayThuTuc}). Lists are never null; members the
 * portal left out are empty lists or {@code null} strings.
 *
 * @param code the national procedure code ({@code MATTHC})
 * @param localCode the local procedure code ({@code MATTHCDP}), or {@code null}
 * @param name the name ({@code TENTTHC})
 * @param fields the fields ({@code LINHVUCTHUCHIEN})
 * @param channels how it can be filed, with times and fees ({@code CACHTHUCTHUCHIEN})
 * @param documentGroups the required documents per case ({@code THANHPHANHOSO})
 * @param stepGroups the steps per case ({@code TRINHTUTHUCHIEN})
 * @param legalBases the legal bases ({@code CANCUPHAPLY})
 * @param agencies the agencies that carry it out ({@code COQUANTHUCHIEN})
 * @param results what it produces ({@code KETQUATHUCHIEN})
 * @param requirements conditions ({@code YEUCAU}), or {@code null}
 * @param applicants who may file ({@code DOITUONGTHUCHIEN} or {@code MOTADOITUONGTHUCHIEN}), or {@code null}
 * @param agencyLevel the level ({@code CAPDONVI}), or {@code null}
 * @param publishingAgencyCode the publishing agency ({@code MACOQUANCONGBO}), or {@code null}
 */
public record Procedure(String code, String localCode, String name, List<Field> fields,
        List<ChannelOption> channels, List<DocumentGroup> documentGroups, List<StepGroup> stepGroups,
        List<LegalBasis> legalBases, List<Agency> agencies, List<Result> results, String requirements,
        String applicants, String agencyLevel, String publishingAgencyCode) {

    /** Makes the lists immutable. */
    public Procedure {
        fields = List.copyOf(fields);
        channels = List.copyOf(channels);
        documentGroups = List.copyOf(documentGroups);
        stepGroups = List.copyOf(stepGroups);
        legalBases = List.copyOf(legalBases);
        agencies = List.copyOf(agencies);
        results = List.copyOf(results);
    }

    /**
     * Returns the option for a channel.
     *
     * @param channel the channel
     * @return the option, empty if the procedure cannot be filed that way
     */
    public Optional<ChannelOption> channel(Channel channel) {
        return channels.stream().filter(c -> c.channel().filter(channel::equals).isPresent()).findFirst();
    }

    /**
     * A field (lĩnh vực).
     *
     * @param code {@code MALINHVUC}
     * @param name {@code TENLINHVUC}
     * @param sectorCode {@code MANGANH}, or {@code null}
     */
    public record Field(String code, String name, String sectorCode) {
    }

    /**
     * How a procedure is filed through one channel.
     *
     * @param channel the channel, empty for a {@code KENH} code the SDK does not know
     * @param rawChannel the {@code KENH} code as sent
     * @param times the processing times ({@code THOIGIAN})
     */
    public record ChannelOption(Optional<Channel> channel, String rawChannel, List<ProcessingTime> times) {
        /** Makes the list immutable. */
        public ChannelOption {
            times = List.copyOf(times);
        }
    }

    /**
     * A processing time and its fees.
     *
     * @param duration the time as sent ({@code THOIGIANGIAIQUYET}, for example "15")
     * @param unit its unit ({@code DONVITINH}, for example "Ngày làm việc")
     * @param description {@code MOTA}, or {@code null}
     * @param fees the fees ({@code PHILEPHI})
     */
    public record ProcessingTime(String duration, String unit, String description, List<Fee> fees) {
        /** Makes the list immutable. */
        public ProcessingTime {
            fees = List.copyOf(fees);
        }
    }

    /**
     * A fee of a procedure.
     *
     * @param code {@code MAPHILEPHI}, or {@code null}
     * @param amountVnd the amount in VND when {@code SOTIEN} is a whole number (dots and commas as
     *                  thousands separators are accepted), empty otherwise
     * @param rawAmount {@code SOTIEN} as sent
     * @param unit {@code DONVI}, or {@code null}
     * @param description {@code MOTA}, or {@code null}
     */
    public record Fee(String code, OptionalLong amountVnd, String rawAmount, String unit, String description) {
    }

    /**
     * The required documents of one case.
     *
     * @param caseName {@code TRUONGHOP}, or {@code null}
     * @param documents {@code GIAYTO}
     */
    public record DocumentGroup(String caseName, List<RequiredDocument> documents) {
        /** Makes the list immutable. */
        public DocumentGroup {
            documents = List.copyOf(documents);
        }
    }

    /**
     * A required document.
     *
     * @param code {@code MAGIAYTO}
     * @param name {@code TENGIAYTO}
     * @param templateUrl {@code URL}, or {@code null}
     * @param templateName {@code TENMAUDON}, or {@code null}
     */
    public record RequiredDocument(String code, String name, String templateUrl, String templateName) {
    }

    /**
     * The steps of one case.
     *
     * @param caseName {@code TRUONGHOP}, or {@code null}
     * @param steps the step names ({@code TRINHTU[].TENTRINHTU})
     */
    public record StepGroup(String caseName, List<String> steps) {
        /** Makes the list immutable. */
        public StepGroup {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A legal basis.
     *
     * @param number {@code SOVANBAN}
     * @param title {@code TENVANBAN}
     */
    public record LegalBasis(String number, String title) {
    }

    /**
     * An agency.
     *
     * @param code {@code MADONVI}, or {@code null}
     * @param name {@code TENDONVI}
     */
    public record Agency(String code, String name) {
    }

    /**
     * A result of the procedure.
     *
     * @param code {@code MAKETQUA}
     * @param name {@code TENKETQUA}
     */
    public record Result(String code, String name) {
    }
}
