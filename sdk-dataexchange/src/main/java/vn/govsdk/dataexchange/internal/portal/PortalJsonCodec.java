package vn.govsdk.dataexchange.internal.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.core.time.GovDateTimes;
import vn.govsdk.dataexchange.portal.Applicant;
import vn.govsdk.dataexchange.portal.ApplicantType;
import vn.govsdk.dataexchange.portal.Attachment;
import vn.govsdk.dataexchange.portal.Channel;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierFee;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.FeeKind;
import vn.govsdk.dataexchange.portal.ProgressUpdate;
import vn.govsdk.dataexchange.portal.ResultDocument;
import vn.govsdk.dataexchange.portal.StatusUpdate;
import vn.govsdk.dataexchange.portal.SupplementaryRequest;

/**
 * A stable camelCase JSON form of dossiers, progress steps and status updates, for files (the
 * {@code govsdk dossier sync FILE} command) and for durable queues (the sync outbox). Independent of
 * the portal's wire format. Times are ISO-8601 with an offset (written in Vietnam time, e.g.
 * {@code 2025-08-01T09:00:00+07:00}); enums by name (statuses also as 1..10). Decoding checks only
 * the JSON shape; the portal client validates the values before sending.
 */
public final class PortalJsonCodec {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PortalJsonCodec() {
    }

    // ---- encode -------------------------------------------------------------------------------

    /**
     * Encodes a dossier.
     *
     * @param d the dossier
     * @return JSON text
     */
    public static String encode(Dossier d) {
        ObjectNode o = F.objectNode();
        put(o, "code", d.code());
        put(o, "unitDossierCode", d.unitDossierCode().orElse(null));
        put(o, "procedureCode", d.procedureCode());
        put(o, "procedureName", d.procedureName());
        put(o, "fieldCode", d.fieldCode());
        put(o, "fieldName", d.fieldName());
        put(o, "receiptNumber", d.receiptNumber().orElse(null));
        if (d.applicant() != null) {
            Applicant a = d.applicant();
            ObjectNode n = o.putObject("applicant");
            put(n, "type", a.type() == null ? null : a.type().name());
            put(n, "name", a.name());
            put(n, "identifier", a.identifier());
            put(n, "email", a.email());
            put(n, "phone", a.phone());
        }
        put(o, "summary", d.summary());
        put(o, "submittedAt", time(d.submittedAt().orElse(null)));
        put(o, "receivedAt", time(d.receivedAt()));
        put(o, "dueAt", time(d.dueAt()));
        put(o, "status", d.status() == null ? null : d.status().name());
        put(o, "returnedAt", time(d.returnedAt().orElse(null)));
        put(o, "returnInfo", d.returnInfo().orElse(null));
        put(o, "channel", d.channel() == null ? null : d.channel().name());
        put(o, "finishedAt", time(d.finishedAt().orElse(null)));
        put(o, "processingUnit", d.processingUnit());
        put(o, "note", d.note().orElse(null));
        ArrayNode atts = o.putArray("attachments");
        for (Attachment a : d.attachments()) {
            ObjectNode n = atts.addObject();
            put(n, "id", a.id());
            put(n, "name", a.name());
            put(n, "documentCode", a.documentCode());
            put(n, "url", a.url());
            n.put("deleted", a.deleted());
        }
        ArrayNode fees = o.putArray("fees");
        for (DossierFee f : d.fees()) {
            ObjectNode n = fees.addObject();
            put(n, "name", f.name());
            put(n, "code", f.code());
            put(n, "collectionMethod", f.collectionMethod());
            n.put("amountVnd", f.amountVnd());
            put(n, "kind", f.kind() == null ? null : f.kind().name());
        }
        ArrayNode sups = o.putArray("supplementaryRequests");
        for (SupplementaryRequest s : d.supplementaryRequests()) {
            ObjectNode n = sups.addObject();
            put(n, "id", s.id());
            put(n, "requestedBy", s.requestedBy());
            put(n, "content", s.content());
            put(n, "requestedAt", time(s.requestedAt()));
            put(n, "receivedAt", time(s.receivedAt()));
            put(n, "status", s.status());
            put(n, "previousDueDate", time(s.previousDueDate()));
            put(n, "newDueDate", time(s.newDueDate()));
        }
        ArrayNode results = o.putArray("resultDocuments");
        for (ResultDocument r : d.resultDocuments()) {
            ObjectNode n = results.addObject();
            put(n, "name", r.name());
            put(n, "documentCode", r.documentCode());
            put(n, "id", r.id());
            put(n, "url", r.url());
        }
        return GovJson.writeString(o);
    }

    /**
     * Encodes a progress step.
     *
     * @param p the step
     * @return JSON text
     */
    public static String encode(ProgressUpdate p) {
        ObjectNode o = F.objectNode();
        put(o, "dossierCode", p.dossierCode());
        put(o, "handler", p.handler());
        put(o, "handlerTitle", p.handlerTitle());
        put(o, "handledAt", time(p.handledAt()));
        put(o, "department", p.department());
        put(o, "content", p.content());
        put(o, "status", p.status() == null ? null : p.status().name());
        put(o, "startedAt", time(p.startedAt()));
        put(o, "dueAt", time(p.dueAt()));
        return GovJson.writeString(o);
    }

    /**
     * Encodes a status update.
     *
     * @param s the update
     * @return JSON text
     */
    public static String encode(StatusUpdate s) {
        ObjectNode o = F.objectNode();
        put(o, "dossierCode", s.dossierCode());
        put(o, "status", s.status() == null ? null : s.status().name());
        put(o, "changedAt", time(s.changedAt()));
        put(o, "note", s.note());
        return GovJson.writeString(o);
    }

    // ---- decode -------------------------------------------------------------------------------

    /**
     * Decodes a dossier.
     *
     * @param json JSON text
     * @return the dossier (not yet validated)
     * @throws InvalidInputException naming the member with a wrong shape
     */
    public static Dossier decodeDossier(String json) {
        JsonNode n = object(json);
        JsonNode a = n.get("applicant");
        Dossier.Builder b = Dossier.builder().code(text(n, "code")).unitDossierCode(text(n, "unitDossierCode"))
                .procedureCode(text(n, "procedureCode")).procedureName(text(n, "procedureName"))
                .fieldCode(text(n, "fieldCode")).fieldName(text(n, "fieldName")).receiptNumber(text(n, "receiptNumber"))
                .summary(text(n, "summary")).submittedAt(instant(n, "submittedAt")).receivedAt(instant(n, "receivedAt"))
                .dueAt(instant(n, "dueAt")).status(status(n, "status")).returnedAt(instant(n, "returnedAt"))
                .returnInfo(text(n, "returnInfo")).finishedAt(instant(n, "finishedAt"))
                .processingUnit(text(n, "processingUnit")).note(text(n, "note"));
        if (a != null && a.isObject()) {
            b.applicant(new Applicant(enumOf(ApplicantType.class, "applicant.type", text(a, "type")), text(a, "name"),
                    text(a, "identifier"), text(a, "email"), text(a, "phone")));
        } else if (a != null && !a.isNull()) {
            throw new InvalidInputException("applicant", "must be a JSON object");
        }
        if (text(n, "channel") != null) {
            b.channel(enumOf(Channel.class, "channel", text(n, "channel")));
        }
        for (JsonNode x : array(n, "attachments")) {
            b.addAttachment(new Attachment(text(x, "id"), text(x, "name"), text(x, "documentCode"), text(x, "url"),
                    x.path("deleted").asBoolean(false)));
        }
        for (JsonNode x : array(n, "fees")) {
            JsonNode amount = x.get("amountVnd");
            if (amount == null || !amount.canConvertToLong() || amount.isFloatingPointNumber()) {
                throw new InvalidInputException("fees.amountVnd", "must be a whole number of VND");
            }
            b.addFee(new DossierFee(text(x, "name"), text(x, "code"), text(x, "collectionMethod"), amount.asLong(),
                    enumOf(FeeKind.class, "fees.kind", text(x, "kind"))));
        }
        for (JsonNode x : array(n, "supplementaryRequests")) {
            b.addSupplementaryRequest(new SupplementaryRequest(text(x, "id"), text(x, "requestedBy"), text(x, "content"),
                    instant(x, "requestedAt"), instant(x, "receivedAt"), text(x, "status"), instant(x, "previousDueDate"),
                    instant(x, "newDueDate")));
        }
        for (JsonNode x : array(n, "resultDocuments")) {
            b.addResultDocument(new ResultDocument(text(x, "name"), text(x, "documentCode"), text(x, "id"), text(x, "url")));
        }
        return b.build();
    }

    /**
     * Decodes a progress step.
     *
     * @param json JSON text
     * @return the step
     */
    public static ProgressUpdate decodeProgress(String json) {
        JsonNode n = object(json);
        return new ProgressUpdate(text(n, "dossierCode"), text(n, "handler"), text(n, "handlerTitle"),
                instant(n, "handledAt"), text(n, "department"), text(n, "content"), status(n, "status"),
                instant(n, "startedAt"), instant(n, "dueAt"));
    }

    /**
     * Decodes a status update.
     *
     * @param json JSON text
     * @return the update
     */
    public static StatusUpdate decodeStatus(String json) {
        JsonNode n = object(json);
        return new StatusUpdate(text(n, "dossierCode"), status(n, "status"), instant(n, "changedAt"), text(n, "note"));
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonNode object(String json) {
        if (json == null) {
            throw new InvalidInputException("json", "is required");
        }
        JsonNode n;
        try {
            n = GovJson.readTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new InvalidInputException("json", "is not valid JSON");
        }
        if (n == null || !n.isObject()) {
            throw new InvalidInputException("json", "must be a JSON object");
        }
        return n;
    }

    private static Iterable<JsonNode> array(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return java.util.List.of();
        }
        if (!v.isArray()) {
            throw new InvalidInputException(name, "must be a JSON array");
        }
        for (JsonNode e : v) {
            if (!e.isObject()) {
                throw new InvalidInputException(name, "must hold JSON objects");
            }
        }
        return v;
    }

    private static void put(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.atZone(GovDateTimes.VIETNAM).toOffsetDateTime().toString();
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new InvalidInputException(name, "must be a text or number");
        }
        return v.asText();
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

    private static DossierStatus status(JsonNode n, String name) {
        String v = text(n, name);
        if (v == null) {
            return null;
        }
        if (v.trim().matches("[0-9]{1,2}")) {
            return DossierStatus.fromCode(v).orElseThrow(() -> new InvalidInputException(name, "must be 1..10"));
        }
        return enumOf(DossierStatus.class, name, v);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
