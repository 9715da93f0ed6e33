package vn.govsdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.govsdk.core.GovSdkException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.dataexchange.portal.Applicant;
import vn.govsdk.dataexchange.portal.ApplicantType;
import vn.govsdk.dataexchange.portal.Channel;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierFee;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.DossierSummary;
import vn.govsdk.dataexchange.portal.DossierSyncResult;
import vn.govsdk.dataexchange.portal.FeeKind;

/** {@code govsdk dossier sync FILE | status CODE}: dossiers on the portal. */
@Command(name = "dossier", mixinStandardHelpOptions = true,
        description = "Dossiers (hồ sơ) on the national public-service portal (DVCQG).",
        subcommands = {DossierCommand.SyncCommand.class, DossierCommand.StatusCommand.class})
final class DossierCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code govsdk dossier sync FILE}. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Validate a dossier (JSON file) and sync it (TraCuuHoSo, then DongBoHoSoMC).",
                    "Members: code, procedureCode, procedureName, fieldCode, fieldName, summary, processingUnit,",
                    "receivedAt, dueAt (ISO-8601 with offset), status (name or 1..10), channel (IN_PERSON|ONLINE|POSTAL),",
                    "applicant {type CITIZEN|BUSINESS, name, identifier, email, phone}, fees [{name, code, amountVnd, kind FEE|CHARGE}]."})
    static final class SyncCommand implements Callable<Integer> {
        @Mixin
        PortalConnection connection;

        @Parameters(paramLabel = "FILE", description = "JSON file of the dossier")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Dossier dossier;
            try {
                dossier = parse(GovJson.readTree(PortalConnection.read(file).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (IOException e) {
                spec.commandLine().getErr().println("cannot read " + file + ": " + e.getMessage());
                return GovSdkCommand.USAGE;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            }
            try (PortalConnection.Open open = connection.open()) {
                DossierSyncResult r = open.client.syncDossier(dossier);
                out.println((r.created() ? "created " : "updated ") + r.dossierCode() + " (status "
                        + dossier.status().code() + " " + dossier.status().label() + ")");
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            }
        }
    }

    /** {@code govsdk dossier status CODE}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the portal holds for a dossier (TraCuuHoSo).")
    static final class StatusCommand implements Callable<Integer> {
        @Mixin
        PortalConnection connection;

        @Parameters(paramLabel = "CODE", description = "the dossier code (MaHoSo)")
        String code;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PortalConnection.Open open = connection.open()) {
                var found = open.client.findDossier(code);
                if (found.isEmpty()) {
                    out.println(code + ": not known to the portal");
                    return GovSdkCommand.NEGATIVE;
                }
                DossierSummary s = found.get();
                out.println(s.code() + ": status " + s.rawStatus() + " "
                        + s.status().map(DossierStatus::label).orElse("(unknown code)") + ", procedure " + s.procedureCode()
                        + ", " + s.progressSteps() + " progress step(s)");
                return GovSdkCommand.OK;
            } catch (GovSdkException e) {
                return ProceduresCommand.fail(spec, e);
            }
        }
    }

    static Dossier parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new InvalidInputException("FILE", "must hold a JSON object");
        }
        JsonNode a = n.path("applicant");
        Dossier.Builder b = Dossier.builder().code(text(n, "code")).unitDossierCode(text(n, "unitDossierCode"))
                .procedureCode(text(n, "procedureCode")).procedureName(text(n, "procedureName"))
                .fieldCode(text(n, "fieldCode")).fieldName(text(n, "fieldName")).summary(text(n, "summary"))
                .processingUnit(text(n, "processingUnit")).receiptNumber(text(n, "receiptNumber"))
                .receivedAt(instant(n, "receivedAt")).dueAt(instant(n, "dueAt")).note(text(n, "note"))
                .applicant(a.isObject() ? new Applicant(enumOf(ApplicantType.class, "applicant.type", text(a, "type")),
                        text(a, "name"), text(a, "identifier"), text(a, "email"), text(a, "phone")) : null);
        String status = text(n, "status");
        if (status != null) {
            b.status(status.matches("[0-9]{1,2}") ? DossierStatus.fromCode(status)
                    .orElseThrow(() -> new InvalidInputException("status", "must be 1..10"))
                    : enumOf(DossierStatus.class, "status", status));
        }
        if (text(n, "channel") != null) {
            b.channel(enumOf(Channel.class, "channel", text(n, "channel")));
        }
        for (JsonNode f : n.path("fees")) {
            b.addFee(new DossierFee(text(f, "name"), text(f, "code"), text(f, "collectionMethod"),
                    f.path("amountVnd").asLong(-1), enumOf(FeeKind.class, "fees.kind", text(f, "kind"))));
        }
        return b.build();
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String name) {
        String v = text(n, name);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "must be ISO-8601 with an offset, e.g. 2025-08-01T09:00:00+07:00");
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
