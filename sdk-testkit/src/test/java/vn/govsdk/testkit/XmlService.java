package vn.govsdk.testkit;

/** Test service answering a small SOAP-like XML document. */
public final class XmlService implements MockService {
    @Override
    public String name() {
        return "XML";
    }

    @Override
    public String pathPrefix() {
        return "/xml";
    }

    @Override
    public MockResponse handle(MockRequest request) {
        return MockResponse.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Envelope><Body><KetQua><MaLoi>0</MaLoi><MoTa>Thành công</MoTa></KetQua></Body></Envelope>");
    }
}
