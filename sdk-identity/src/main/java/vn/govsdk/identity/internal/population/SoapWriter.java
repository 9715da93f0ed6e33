package vn.govsdk.identity.internal.population;

import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.LegacyIdNumber;
import vn.govsdk.core.id.PersonalIdentifier;
import vn.govsdk.core.time.GovDateTimes;
import vn.govsdk.identity.population.BirthDate;
import vn.govsdk.identity.population.CallOptions;

/**
 * Writes population-database SOAP 1.1 requests with a streaming writer (every value escaped by
 * the writer), elements in the order the service requires: MaYeuCau, MaDVC, MaTichHop, MaCanBo,
 * MaDonVi, TaiKhoan, SoDienThoai, then the operation's own elements.
 */
public final class SoapWriter {

    /** The SOAP 1.1 envelope namespace. */
    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    /** The population database's namespace. */
    public static final String DAN_NS = "http://dancuquocgia.bca";

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final XMLStreamWriter w;
    private final StringWriter out = new StringWriter(1024);

    private SoapWriter(String operation) {
        try {
            w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("soapenv", SOAP_NS);
            w.setPrefix("dan", DAN_NS);
            w.writeStartElement(SOAP_NS, "Envelope");
            w.writeNamespace("soapenv", SOAP_NS);
            w.writeNamespace("dan", DAN_NS);
            w.writeEmptyElement(SOAP_NS, "Header");
            w.writeStartElement(SOAP_NS, "Body");
            w.writeStartElement(DAN_NS, operation);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed", e);
        }
    }

    /**
     * Starts a request with the common caller elements.
     *
     * @param operation the operation element's local name
     * @param requestId MaYeuCau
     * @param options the merged caller fields; service code, integration code and officer account set
     * @return the writer, positioned after SoDienThoai
     */
    public static SoapWriter start(String operation, String requestId, CallOptions options) {
        SoapWriter s = new SoapWriter(operation);
        s.element("MaYeuCau", requestId);
        s.element("MaDVC", options.serviceCode().orElseThrow());
        s.element("MaTichHop", options.integrationCode().orElseThrow());
        s.element("MaCanBo", options.officerAccount().orElseThrow());
        s.optional("MaDonVi", options.unitCode());
        s.optional("TaiKhoan", options.account());
        s.optional("SoDienThoai", options.phoneNumber());
        return s;
    }

    /**
     * Writes the subject: SoDinhDanh for a citizen ID, SoCMND for a legacy number.
     *
     * @param subject the identifier
     * @return this writer
     */
    public SoapWriter subject(PersonalIdentifier subject) {
        if (subject instanceof CitizenId id) {
            element("SoDinhDanh", id.value());
        } else if (subject instanceof LegacyIdNumber legacy) {
            element("SoCMND", legacy.value());
        }
        return this;
    }

    /**
     * Writes HoVaTen and NgayThangNamSinh when present, in that order.
     *
     * @param fullName the normalised name
     * @param birthDate the birth date
     * @return this writer
     */
    public SoapWriter details(Optional<String> fullName, Optional<BirthDate> birthDate) {
        optional("HoVaTen", fullName);
        birthDate.ifPresent(b -> {
            try {
                w.writeStartElement(DAN_NS, "NgayThangNamSinh");
                if (b.date().isPresent()) {
                    element("NgayThangNam", GovDateTimes.formatBasicDate(b.date().get()));
                } else {
                    element("Nam", String.format("%04d", b.year()));
                }
                w.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException("the XML writer failed", e);
            }
        });
        return this;
    }

    /**
     * Writes DanhSachCongDan with one SoDinhDanh or SoCMND per subject.
     *
     * @param subjects the identifiers
     * @return this writer
     */
    public SoapWriter subjects(List<? extends PersonalIdentifier> subjects) {
        try {
            w.writeStartElement(DAN_NS, "DanhSachCongDan");
            subjects.forEach(this::subject);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed", e);
        }
        return this;
    }

    /**
     * Writes one text element in the service's namespace.
     *
     * @param name the local name
     * @param value the text, escaped by the writer
     * @return this writer
     */
    public SoapWriter element(String name, String value) {
        try {
            w.writeStartElement(DAN_NS, name);
            w.writeCharacters(value);
            w.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed", e);
        }
        return this;
    }

    private void optional(String name, Optional<String> value) {
        value.ifPresent(v -> element(name, v));
    }

    /**
     * Closes every open element and returns the document.
     *
     * @return the envelope
     */
    public String finish() {
        try {
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the XML writer failed", e);
        }
        return out.toString();
    }
}
