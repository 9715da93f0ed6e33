package vn.govsdk.identity.internal.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.govsdk.core.GovServiceException;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.NotFoundException;
import vn.govsdk.core.ResponseDecodingException;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.Gender;
import vn.govsdk.core.id.LegacyIdNumber;
import vn.govsdk.core.internal.http.ErrorExtractor;
import vn.govsdk.core.internal.http.ErrorMapping;
import vn.govsdk.core.internal.http.GovResponse;
import vn.govsdk.core.internal.http.ServiceError;
import vn.govsdk.core.internal.xml.SecureXml;
import vn.govsdk.core.privacy.PersonalDataMasker;
import vn.govsdk.core.time.GovDateTimes;
import vn.govsdk.identity.population.BirthDate;
import vn.govsdk.identity.population.CitizenRecord;
import vn.govsdk.identity.population.PersonReference;
import vn.govsdk.identity.population.PopulationErrorCodes;

/**
 * Reads population-database SOAP answers with the hardened parser, by namespace: a DTD or external
 * entity gives {@link ResponseDecodingException}; a SOAP fault gives {@link GovServiceException}
 * with the fault's {@code detail/MaLoi} as error code.
 */
public final class SoapReader {

    private SoapReader() {
    }

    /**
     * Parses an answer and returns the operation's response element.
     *
     * @param response the 2xx answer
     * @param expected the expected response element's local name
     * @return the element
     * @throws GovServiceException when the body is a SOAP fault
     * @throws ResponseDecodingException when it is not a SOAP envelope with that element
     */
    public static Element responseElement(GovResponse response, String expected) {
        Element payload = payload(response.xml(), expected);
        if (SoapWriter.SOAP_NS.equals(payload.getNamespaceURI()) && "Fault".equals(payload.getLocalName())) {
            ServiceError error = fault(payload);
            throw notFoundAware(ErrorMapping.toException(0, error, response.requestId(), response.attempts(), null));
        }
        if (!SoapWriter.DAN_NS.equals(payload.getNamespaceURI()) || !expected.equals(payload.getLocalName())) {
            throw new ResponseDecodingException(expected + ": the SOAP body holds {" + payload.getNamespaceURI() + "}"
                    + payload.getLocalName() + " instead (request id " + response.requestId() + ")", null);
        }
        return payload;
    }

    private static Element payload(Document doc, String what) {
        Element envelope = doc.getDocumentElement();
        if (!SoapWriter.SOAP_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
            throw new ResponseDecodingException(what + ": the answer is not a SOAP 1.1 envelope", null);
        }
        Element body = child(envelope, SoapWriter.SOAP_NS, "Body")
                .orElseThrow(() -> new ResponseDecodingException(what + ": the SOAP envelope has no Body", null));
        List<Element> children = children(body);
        if (children.size() != 1) {
            throw new ResponseDecodingException(what + ": the SOAP Body must hold exactly one element, holds "
                    + children.size(), null);
        }
        return children.get(0);
    }

    /**
     * Turns a generic exception carrying the not-found code into {@link NotFoundException}.
     *
     * @param e the exception
     * @return the same exception, or a NotFoundException with the same details
     */
    public static GovServiceException notFoundAware(GovServiceException e) {
        if (!(e instanceof NotFoundException) && e.errorCode().filter(PopulationErrorCodes.NOT_FOUND::equals).isPresent()) {
            NotFoundException nf = new NotFoundException(e.statusCode(), e.errorCode().orElse(null),
                    e.serviceMessage().orElse(null), e.requestId().orElse(null), e.attempts());
            nf.setStackTrace(e.getStackTrace());
            return nf;
        }
        return e;
    }

    /**
     * The error extractor for non-2xx answers: reads a SOAP fault, never throws.
     *
     * @return the extractor
     */
    public static ErrorExtractor faultExtractor() {
        return response -> {
            try {
                Document doc = SecureXml.parse(response.body());
                Element payload = payload(doc, "fault");
                if (SoapWriter.SOAP_NS.equals(payload.getNamespaceURI()) && "Fault".equals(payload.getLocalName())) {
                    return fault(payload);
                }
            } catch (RuntimeException e) {
                // not a SOAP fault: try JSON (a gateway in front may answer JSON)
            }
            return ErrorExtractor.json().extract(response);
        };
    }

    private static ServiceError fault(Element fault) {
        String faultString = anyChild(fault, "faultstring").map(Node::getTextContent).map(String::strip).orElse(null);
        String code = anyChild(fault, "detail")
                .flatMap(d -> child(d, SoapWriter.DAN_NS, "MaLoi"))
                .map(Node::getTextContent).map(String::strip)
                .orElseGet(() -> anyChild(fault, "faultcode").map(Node::getTextContent).map(String::strip).orElse(null));
        return new ServiceError(code, faultString == null ? null : PersonalDataMasker.standard().maskText(faultString));
    }

    private static Optional<Element> anyChild(Element parent, String localName) {
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the element children of a node.
     *
     * @param parent the node
     * @return its element children, in order
     */
    public static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Finds the first child element with a namespace and local name.
     *
     * @param parent the parent
     * @param ns the namespace
     * @param localName the local name
     * @return the element
     */
    public static Optional<Element> child(Element parent, String ns, String localName) {
        for (Element e : children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a child in the service's namespace.
     *
     * @param parent the parent
     * @param localName the local name
     * @return the element
     */
    public static Optional<Element> dan(Element parent, String localName) {
        return child(parent, SoapWriter.DAN_NS, localName);
    }

    /**
     * Returns every child in the service's namespace with a local name.
     *
     * @param parent the parent
     * @param localName the local name
     * @return the elements
     */
    public static List<Element> dans(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (SoapWriter.DAN_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Returns a child's trimmed text; empty text counts as absent.
     *
     * @param parent the parent
     * @param localName the local name
     * @return the text, or null
     */
    public static String text(Element parent, String localName) {
        return dan(parent, localName).map(Node::getTextContent).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    /**
     * Returns a required child's text.
     *
     * @param parent the parent
     * @param localName the local name
     * @return the text
     * @throws ResponseDecodingException when missing
     */
    public static String required(Element parent, String localName) {
        String s = text(parent, localName);
        if (s == null) {
            throw new ResponseDecodingException("the answer's " + parent.getLocalName() + " has no " + localName, null);
        }
        return s;
    }

    /**
     * Reads a citizen ID.
     *
     * @param value the text, or null
     * @param where the element, for messages
     * @return the ID, or null
     */
    public static CitizenId citizenId(String value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return CitizenId.of(value);
        } catch (InvalidInputException e) {
            throw new ResponseDecodingException("the answer's " + where + " is not a valid citizen ID (" + e.rule() + ")", null);
        }
    }

    /**
     * Reads NgayThangNamSinh.
     *
     * @param parent the element holding it
     * @return the birth date, or null
     */
    public static BirthDate birthDate(Element parent) {
        Optional<Element> holder = dan(parent, "NgayThangNamSinh");
        if (holder.isEmpty()) {
            return null;
        }
        String full = text(holder.get(), "NgayThangNam");
        String year = text(holder.get(), "Nam");
        try {
            if (full != null) {
                return BirthDate.of(GovDateTimes.parseBasicDate("NgayThangNam", full));
            }
            if (year != null && year.matches("[0-9]{4}")) {
                return BirthDate.ofYear(Integer.parseInt(year));
            }
        } catch (InvalidInputException e) {
            throw new ResponseDecodingException("the answer's NgayThangNamSinh is not a valid date (" + e.rule() + ")", null);
        }
        throw new ResponseDecodingException("the answer's NgayThangNamSinh holds neither NgayThangNam nor Nam", null);
    }

    /**
     * Reads GioiTinh ("Nam" or "Nữ").
     *
     * @param parent the element holding it
     * @return the gender, or null
     */
    public static Gender gender(Element parent) {
        String g = text(parent, "GioiTinh");
        if (g == null) {
            return null;
        }
        for (Gender each : Gender.values()) {
            if (each.vietnameseLabel().equalsIgnoreCase(g)) {
                return each;
            }
        }
        throw new ResponseDecodingException("the answer's GioiTinh is neither Nam nor Nữ", null);
    }

    /**
     * Reads a relative reference (Cha, Me, VoChong).
     *
     * @param parent the citizen element
     * @param localName the relative's element
     * @return the reference, or null
     */
    public static PersonReference person(Element parent, String localName) {
        return dan(parent, localName)
                .map(e -> new PersonReference(citizenId(text(e, "SoDinhDanh"), localName + "/SoDinhDanh"),
                        text(e, "HoVaTen")))
                .orElse(null);
    }

    /**
     * Reads a CongDan element into a record.
     *
     * @param c the element
     * @return the record
     */
    public static CitizenRecord citizen(Element c) {
        String legacy = text(c, "SoCMND");
        LegacyIdNumber legacyId = null;
        if (legacy != null) {
            try {
                legacyId = LegacyIdNumber.of(legacy);
            } catch (InvalidInputException e) {
                throw new ResponseDecodingException("the answer's SoCMND is not a 9-digit number", null);
            }
        }
        return new CitizenRecord(citizenId(required(c, "SoDinhDanh"), "SoDinhDanh"), legacyId, required(c, "HoVaTen"),
                birthDate(c), gender(c), text(c, "NoiDangKyKhaiSinh"), text(c, "QueQuan"), text(c, "ThuongTru"),
                text(c, "NoiOHienTai"), text(c, "DanToc"), text(c, "TonGiao"), text(c, "QuocTich"),
                person(c, "Cha"), person(c, "Me"), person(c, "VoChong"), text(c, "SoHoKhau"));
    }
}
