package vn.govsdk.core.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.SAXParser;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.govsdk.core.ResponseDecodingException;

class SecureXmlTest {

    static final String MARKER = "SECRET-FILE-CONTENT-4242";

    @TempDir
    Path dir;

    Path secretFile() throws Exception {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, MARKER);
        return file;
    }

    @Test
    void aDoctypeIsRefused() {
        assertThatThrownBy(() -> SecureXml.parse("<!DOCTYPE a [<!ELEMENT a ANY>]><a>x</a>"))
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileIsNotRead() throws Exception {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secretFile().toUri()
                + "\">]><r>&xxe;</r>";

        assertThatThrownBy(() -> SecureXml.parse(xml))
                .isInstanceOf(ResponseDecodingException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining(MARKER);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = dtd + "]><lolz>&lol9;</lolz>";

        assertThatThrownBy(() -> SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ResponseDecodingException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void xincludeIsNotProcessed() throws Exception {
        String xml = "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + secretFile().toUri()
                + "\" parse=\"text\"/></r>";

        Document doc = SecureXml.parse(xml);

        assertThat(doc.getDocumentElement().getTextContent()).doesNotContain(MARKER);
        Element include = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2001/XInclude", "include").item(0);
        assertThat(include).as("the xi:include element stays an inert element").isNotNull();
    }

    @Test
    void aNamespacedSoapBodyParses() {
        String soap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><TraCuuThongTinCongDanResponse xmlns=\"http://dancuquocgia.bca\">"
                + "<HoVaTen>Nguyễn Văn An</HoVaTen></TraCuuThongTinCongDanResponse></soap:Body></soap:Envelope>";

        Document doc = SecureXml.parse(soap.getBytes(StandardCharsets.UTF_8));

        assertThat(doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body").getLength())
                .isEqualTo(1);
        assertThat(doc.getElementsByTagNameNS("http://dancuquocgia.bca", "HoVaTen").item(0).getTextContent())
                .isEqualTo("Nguyễn Văn An");
        assertThat(SecureXml.toString(doc.getDocumentElement())).contains("<HoVaTen>Nguyễn Văn An</HoVaTen>");
    }

    @Test
    void malformedXmlIsADecodingError() {
        assertThatThrownBy(() -> SecureXml.parse("<a><b></a>")).isInstanceOf(ResponseDecodingException.class);
    }

    @Test
    void theSaxFactoryRefusesADoctype() throws Exception {
        SAXParser parser = SecureXml.saxParserFactory().newSAXParser();
        String xml = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]><r>&xxe;</r>";

        assertThatThrownBy(() -> parser.parse(new org.xml.sax.InputSource(new StringReader(xml)), new DefaultHandler()))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void theStaxFactoryDoesNotResolveExternalEntities() throws Exception {
        String xml = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secretFile().toUri() + "\">]><r>&xxe;</r>";
        XMLStreamReader reader = SecureXml.xmlInputFactory().createXMLStreamReader(new StringReader(xml));
        StringBuilder text = new StringBuilder();

        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.CHARACTERS) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException refused) {
            // refusing is as good as not resolving
        }

        assertThat(text.toString()).doesNotContain(MARKER);
    }

    @Test
    void theTransformerFactoryRefusesExternalStylesheets() throws Exception {
        Path included = dir.resolve("inc.xsl");
        Files.writeString(included, "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>");
        String xsl = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                + "<xsl:include href=\"" + included.toUri() + "\"/></xsl:stylesheet>";

        assertThatThrownBy(() -> SecureXml.transformerFactory().newTransformer(new StreamSource(new StringReader(xsl))))
                .isInstanceOf(TransformerConfigurationException.class);
    }

    @Test
    void theReusedPerThreadParserStaysHardenedAfterGoodAndBadDocuments() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(SecureXml.parse("<a>" + i + "</a>").getDocumentElement().getTextContent())
                    .isEqualTo(String.valueOf(i));
            assertThatThrownBy(() -> SecureXml.parse("<!DOCTYPE a [<!ELEMENT a ANY>]><a>x</a>"))
                    .isInstanceOf(ResponseDecodingException.class);
            assertThatThrownBy(() -> SecureXml.parse("<a><b></a>")).isInstanceOf(ResponseDecodingException.class);
        }
    }

    @Test
    void parsesConcurrentlyFromManyThreads() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String value = "v" + i;
                results.add(pool.submit(() -> SecureXml.parse("<r><x>" + value + "</x></r>")
                        .getDocumentElement().getTextContent()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo("v" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
