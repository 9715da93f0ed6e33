package vn.govsdk.dataexchange.internal.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.time.GovDateTimes;
import vn.govsdk.dataexchange.portal.Answer;
import vn.govsdk.dataexchange.portal.Attachment;
import vn.govsdk.dataexchange.portal.Channel;
import vn.govsdk.dataexchange.portal.CodeList;
import vn.govsdk.dataexchange.portal.Dossier;
import vn.govsdk.dataexchange.portal.DossierFee;
import vn.govsdk.dataexchange.portal.DossierStatus;
import vn.govsdk.dataexchange.portal.DossierSummary;
import vn.govsdk.dataexchange.portal.Procedure;
import vn.govsdk.dataexchange.portal.ProcedureSummary;
import vn.govsdk.dataexchange.portal.ProgressUpdate;
import vn.govsdk.dataexchange.portal.PublicService;
import vn.govsdk.dataexchange.portal.Question;
import vn.govsdk.dataexchange.portal.Rating;
import vn.govsdk.dataexchange.portal.ResultDocument;
import vn.govsdk.dataexchange.portal.StatusUpdate;
import vn.govsdk.dataexchange.portal.SupplementaryRequest;

/** Maps the portal's JSON members to and from the public values. */
public final class PortalWire {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PortalWire() {
    }

    /**
     * A new JSON object.
     *
     * @return an empty object
     */
    public static ObjectNode object() {
        return F.objectNode();
    }

    /**
     * Formats an instant as {@code yyyyMMddHHmmss} in Vietnam time.
     *
     * @param t the instant or null
     * @return the text, or {@code ""} for null (the portal's convention for an empty optional date)
     */
    public static String date(Instant t) {
        return t == null ? "" : GovDateTimes.formatBasicDateTime(t);
    }

    private static Instant parseDate(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return GovDateTimes.parseBasicInstant(field, text.trim());
    }

    private static void put(ObjectNode o, String name, String value) {
        o.put(name, value == null ? "" : value);
    }

    /**
     * The {@code DongBoHoSoMC} element of a dossier.
     *
     * @param d a validated dossier
     * @return the element
     */
    public static ObjectNode dossier(Dossier d) {
        ObjectNode o = object();
        put(o, "MaHoSo", d.code());
        d.unitDossierCode().ifPresent(v -> o.put("MaHoSoDonVi", v));
        put(o, "MaTTHC", d.procedureCode());
        put(o, "TenTTHC", d.procedureName());
        put(o, "MaLinhVuc", d.fieldCode());
        put(o, "TenLinhVuc", d.fieldName());
        put(o, "SoBienNhan", d.receiptNumber().orElse(null));
        put(o, "ChuHoSo", d.applicant().name());
        put(o, "LoaiDoiTuong", d.applicant().type().code());
        put(o, "MaDoiTuong", d.applicant().identifier());
        put(o, "ThongTinKhac", "");
        put(o, "Email", d.applicant().email());
        put(o, "Fax", "");
        put(o, "SoDienThoai", d.applicant().phone());
        put(o, "TrichYeuHoSo", d.summary());
        put(o, "NgayNopHoSo", date(d.submittedAt().orElse(null)));
        put(o, "NgayTiepNhan", date(d.receivedAt()));
        put(o, "NgayHenTra", date(d.dueAt()));
        put(o, "TrangThaiHoSo", String.valueOf(d.status().code()));
        put(o, "NgayTra", date(d.returnedAt().orElse(null)));
        put(o, "ThongTinTra", d.returnInfo().orElse(null));
        put(o, "HinhThuc", d.channel() == Channel.ONLINE ? "1" : "0");
        put(o, "KenhThucHien", String.valueOf(d.channel().code()));
        put(o, "NgayKetThucXuLy", date(d.finishedAt().orElse(null)));
        put(o, "DonViXuLy", d.processingUnit());
        put(o, "GhiChu", d.note().orElse(null));
        ArrayNode files = o.putArray("TaiLieuNop");
        for (Attachment a : d.attachments()) {
            ObjectNode f = files.addObject();
            put(f, "TepDinhKemId", a.id());
            put(f, "TenTepDinhKem", a.name());
            put(f, "IsDeleted", a.deleted() ? "True" : "False");
            put(f, "MaThanhPhanHoSo", a.documentCode());
            put(f, "DuongDanTaiTepTin", a.url());
        }
        ArrayNode fees = o.putArray("DanhSachLePhi");
        for (DossierFee fee : d.fees()) {
            ObjectNode f = fees.addObject();
            put(f, "TenPhiLePhi", fee.name());
            put(f, "MaPhiLePhi", fee.code());
            put(f, "HinhThucThu", fee.collectionMethod());
            f.put("Gia", fee.amountVnd());
            put(f, "LoaiPhiLePhi", fee.kind().code());
        }
        o.putArray("DanhSachTepDinhKemKhac");
        ArrayNode sups = o.putArray("DanhSachHoSoBoSung");
        for (SupplementaryRequest s : d.supplementaryRequests()) {
            ObjectNode f = sups.addObject();
            put(f, "HoSoBoSungId", s.id());
            put(f, "NguoiYeuCauBoSung", s.requestedBy());
            put(f, "NoiDungBoSung", s.content());
            put(f, "NgayBoSung", date(s.requestedAt()));
            put(f, "NgayTiepNhanBoSung", date(s.receivedAt()));
            put(f, "TrangThaiBoSung", s.status());
            put(f, "NgayHenTraTruoc", date(s.previousDueDate()));
            put(f, "NgayHenTraMoi", date(s.newDueDate()));
        }
        ArrayNode results = o.putArray("DanhSachGiayToKetQua");
        for (ResultDocument r : d.resultDocuments()) {
            ObjectNode f = results.addObject();
            put(f, "TenGiayTo", r.name());
            put(f, "MaThanhPhanHoSo", r.documentCode());
            put(f, "GiayToId", r.id());
            put(f, "DuongDanTepTinKetQua", r.url());
        }
        return o;
    }

    /**
     * The {@code CapNhatTienDoHoSoMC} element.
     *
     * @param p a validated update
     * @return the element
     */
    public static ObjectNode progress(ProgressUpdate p) {
        ObjectNode o = object();
        put(o, "MaHoSo", p.dossierCode());
        put(o, "NguoiXuLy", p.handler());
        put(o, "ChucDanh", p.handlerTitle());
        put(o, "ThoiDiemXuLy", date(p.handledAt()));
        put(o, "PhongBanXuLy", p.department());
        put(o, "NoiDungXuLy", p.content());
        put(o, "TrangThai", String.valueOf(p.status().code()));
        put(o, "NgayBatDau", date(p.startedAt()));
        put(o, "NgayKetThucTheoQuyDinh", date(p.dueAt()));
        return o;
    }

    /**
     * The {@code DongBoTrangThaiHoSo} element.
     *
     * @param s a validated update
     * @return the element
     */
    public static ObjectNode status(StatusUpdate s) {
        ObjectNode o = object();
        put(o, "MaHoSo", s.dossierCode());
        put(o, "TrangThaiHoSo", String.valueOf(s.status().code()));
        put(o, "ThoiGianCapNhat", date(s.changedAt()));
        put(o, "GhiChu", s.note());
        return o;
    }

    /**
     * The {@code DongBoDanhGia} element.
     *
     * @param r a validated rating
     * @return the element
     */
    public static ObjectNode rating(Rating r) {
        ObjectNode o = object();
        put(o, "MaHoSo", r.dossierCode());
        o.put("DiemDanhGia", r.score());
        put(o, "NoiDung", r.comment());
        put(o, "NgayDanhGia", date(r.ratedAt()));
        return o;
    }

    /**
     * The {@code DongBoKetQuaHoiDapGuiTuDVCQG} element.
     *
     * @param a a validated answer
     * @return the element
     */
    public static ObjectNode answer(Answer a) {
        ObjectNode o = object();
        put(o, "MaCauHoi", a.questionId());
        put(o, "NoiDungTraLoi", a.content());
        put(o, "NguoiTraLoi", a.answeredBy());
        put(o, "NgayTraLoi", date(a.answeredAt()));
        return o;
    }

    /**
     * The question part of a {@code DongBoHoiDap} element.
     *
     * @param q a validated question
     * @return the element
     */
    public static ObjectNode question(Question q) {
        ObjectNode o = object();
        put(o, "MaCauHoi", q.id());
        put(o, "TieuDe", q.title());
        put(o, "NoiDung", q.content());
        put(o, "NgayGui", date(q.askedAt()));
        return o;
    }

    // ---- decoding -------------------------------------------------------------------------

    /**
     * Reads a text member, trying several spellings (the portal mixes upper and camel case).
     *
     * @param n the object
     * @param names the names
     * @return the text, or null
     */
    public static String text(JsonNode n, String... names) {
        if (n == null || !n.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && !v.isNull() && v.isValueNode()) {
                return v.asText();
            }
        }
        return null;
    }

    private static List<JsonNode> array(JsonNode n, String name) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode v = n == null ? null : n.get(name);
        if (v != null && v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    private static <T> List<T> map(JsonNode n, String name, Function<JsonNode, T> f) {
        List<T> out = new ArrayList<>();
        for (JsonNode e : array(n, name)) {
            if (e.isObject()) {
                out.add(f.apply(e));
            }
        }
        return out;
    }

    /**
     * Turns {@code result} into a list of objects (an object alone is a list of one; {@code data[]} inside is unwrapped).
     *
     * @param result the result member
     * @return the objects
     */
    public static List<JsonNode> items(JsonNode result) {
        List<JsonNode> out = new ArrayList<>();
        if (result == null || result.isNull()) {
            return out;
        }
        JsonNode r = result.isObject() && result.has("data") ? result.get("data") : result;
        if (r.isArray()) {
            r.forEach(e -> {
                if (e.isObject()) {
                    out.add(e);
                }
            });
        } else if (r.isObject()) {
            out.add(r);
        } else {
            throw new ResponseDecodingException("portal result is neither an object nor an array", null);
        }
        return out;
    }

    /**
     * Decodes a catalogue list item.
     *
     * @param n the item
     * @return the summary
     */
    public static ProcedureSummary procedureSummary(JsonNode n) {
        return new ProcedureSummary(text(n, "MATTHC", "MaTTHC"), text(n, "TENTTHC", "TenTTHC"),
                text(n, "TENLINHVUC", "TenLinhVuc"), text(n, "CAPTHUCHIEN", "CapThucHien"));
    }

    /**
     * Decodes {@code LayThuTuc}.
     *
     * @param n {@code result[0]}
     * @return the procedure
     */
    public static Procedure procedure(JsonNode n) {
        return new Procedure(text(n, "MATTHC"), text(n, "MATTHCDP"), text(n, "TENTTHC"),
                map(n, "LINHVUCTHUCHIEN", f -> new Procedure.Field(text(f, "MALINHVUC"), text(f, "TENLINHVUC"),
                        text(f, "MANGANH"))),
                map(n, "CACHTHUCTHUCHIEN", c -> new Procedure.ChannelOption(Channel.fromCode(text(c, "KENH")),
                        text(c, "KENH"),
                        map(c, "THOIGIAN", t -> new Procedure.ProcessingTime(text(t, "THOIGIANGIAIQUYET"),
                                text(t, "DONVITINH"), text(t, "MOTA"),
                                map(t, "PHILEPHI", p -> new Procedure.Fee(text(p, "MAPHILEPHI"),
                                        amount(text(p, "SOTIEN")), text(p, "SOTIEN"), text(p, "DONVI"),
                                        text(p, "MOTA"))))))),
                map(n, "THANHPHANHOSO", g -> new Procedure.DocumentGroup(text(g, "TRUONGHOP"),
                        map(g, "GIAYTO", d -> new Procedure.RequiredDocument(text(d, "MAGIAYTO"), text(d, "TENGIAYTO"),
                                text(d, "URL"), text(d, "TENMAUDON"))))),
                map(n, "TRINHTUTHUCHIEN", g -> new Procedure.StepGroup(text(g, "TRUONGHOP"),
                        map(g, "TRINHTU", s -> text(s, "TENTRINHTU")))),
                map(n, "CANCUPHAPLY", l -> new Procedure.LegalBasis(text(l, "SOVANBAN"), text(l, "TENVANBAN"))),
                map(n, "COQUANTHUCHIEN", a -> new Procedure.Agency(text(a, "MADONVI"), text(a, "TENDONVI"))),
                map(n, "KETQUATHUCHIEN", r -> new Procedure.Result(text(r, "MAKETQUA"), text(r, "TENKETQUA"))),
                text(n, "YEUCAU"), Optional.ofNullable(text(n, "DOITUONGTHUCHIEN"))
                        .orElse(text(n, "MOTADOITUONGTHUCHIEN")),
                text(n, "CAPDONVI"), text(n, "MACOQUANCONGBO"));
    }

    /**
     * Reads a whole VND amount, with '.' or ',' as thousands separators.
     *
     * @param raw the text
     * @return the amount, or empty
     */
    public static OptionalLong amount(String raw) {
        if (raw == null) {
            return OptionalLong.empty();
        }
        String digits = raw.trim().replace(".", "").replace(",", "");
        if (!digits.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    /**
     * Decodes a {@code LayDVC} item.
     *
     * @param n the item
     * @return the service
     */
    public static PublicService publicService(JsonNode n) {
        return new PublicService(text(n, "MADVC"), text(n, "TENDVC"), text(n, "MATTHC"), text(n, "TENTTHC"),
                text(n, "TENCOQUANBANHANH"), text(n, "TENLINHVUC"));
    }

    /**
     * Decodes a code-list entry (members {@code MA}/{@code TEN}/{@code MACHA} in any common spelling).
     *
     * @param n the item
     * @return the entry, or null when it has no code
     */
    public static CodeList.Entry codeEntry(JsonNode n) {
        String code = text(n, "MA", "Ma", "ma", "CODE", "Code", "code");
        String name = text(n, "TEN", "Ten", "ten", "NAME", "Name", "name");
        String parent = text(n, "MACHA", "MaCha", "PARENT", "Parent", "parentCode");
        if (code == null) {
            return null;
        }
        return new CodeList.Entry(code, name == null ? code : name, parent == null || parent.isBlank() ? null : parent);
    }

    /**
     * Decodes {@code TraCuuHoSo}.
     *
     * @param n the item
     * @return the summary
     */
    public static DossierSummary dossierSummary(JsonNode n) {
        String raw = text(n, "TrangThaiHoSo", "TRANGTHAIHOSO");
        String steps = text(n, "SoBuocXuLy");
        return new DossierSummary(text(n, "MaHoSo", "MAHOSO"), text(n, "MaTTHC", "MATTHC"),
                DossierStatus.fromCode(raw), raw, parseDate("NgayTiepNhan", text(n, "NgayTiepNhan")),
                parseDate("NgayHenTra", text(n, "NgayHenTra")),
                steps != null && steps.matches("[0-9]{1,9}") ? Integer.parseInt(steps) : -1);
    }

    /**
     * Decodes a question.
     *
     * @param n the item
     * @return the question
     */
    public static Question question(JsonNode n) {
        return new Question(text(n, "MaCauHoi"), text(n, "TieuDe"), text(n, "NoiDung"),
                parseDate("NgayGui", text(n, "NgayGui")));
    }
}
