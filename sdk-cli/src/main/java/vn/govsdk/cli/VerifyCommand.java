package vn.govsdk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.internal.json.GovJson;
import vn.govsdk.signing.Document;
import vn.govsdk.signing.verify.FetchPolicy;
import vn.govsdk.signing.verify.Reason;
import vn.govsdk.signing.verify.ReasonCode;
import vn.govsdk.signing.verify.RevocationChecking;
import vn.govsdk.signing.verify.SignatureReport;
import vn.govsdk.signing.verify.SignatureVerifier;
import vn.govsdk.signing.verify.TrustAnchors;
import vn.govsdk.signing.verify.VerificationReport;

/** {@code govsdk verify}: verifies every signature of a file and prints a report. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the signatures of a file: XML Signature and XAdES, CAdES/PKCS#7, PAdES and other PDF "
                + "signatures, JWS; at levels B-B, B-T and B-LT (B-LT verifies offline from what it embeds).",
            "Trusts the bundled Vietnamese roots (National Root CA, government special-use root of Ban Cơ yếu) "
                    + "plus any --trust certificate; checks revocation online (OCSP, CRL) unless --no-revocation.",
            "Exits 0 when every signature is VALID, 1 when one is INVALID or INDETERMINATE (or none is found), "
                    + "2 on bad usage or unreadable input."})
final class VerifyCommand implements Callable<Integer> {

    /** Santuario reports failed digests through java.util.logging; the report says it better. */
    private static final Logger SANTUARIO = Logger.getLogger("org.apache.xml.security");

    static {
        SANTUARIO.setLevel(Level.OFF);
    }

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "the signed file or detached signature")
    private Path in;

    @Option(names = "--detached", paramLabel = "ORIGINAL", description = "the signed document, for a detached signature")
    private Path detached;

    @Option(names = "--trust", paramLabel = "CERT.pem", description = "also trust this root or CA certificate (repeatable)")
    private List<Path> trust = new ArrayList<>();

    @Option(names = "--no-default-trust", description = "trust only the --trust certificates, not the bundled roots")
    private boolean noDefaultTrust;

    @Option(names = "--no-revocation", description = "do not check revocation (the report says so)")
    private boolean noRevocation;

    @Option(names = "--offline", description = "make no network request at all (no OCSP, CRL or issuer fetch): "
            + "revocation is UNKNOWN and a signature at best INDETERMINATE")
    private boolean offline;

    @Option(names = "--compat-dotnet-enveloped-transform", description = "accept the .NET SignedXml reading of the "
            + "enveloped-signature transform (some e-invoice software needs it); the report says when it was used")
    private boolean compatDotNetEnveloped;

    @Option(names = "--allow-private-fetch", description = "let the verifier fetch issuer certificates, OCSP answers "
            + "and CRLs from private, loopback and link-local addresses (a CA inside a closed network, or the mock "
            + "platform); refused by default, since the URLs come from the document")
    private boolean allowPrivateFetch;

    @Option(names = "--historic-trust", description = "also trust Vietnam's first-generation PKI (the MIC National "
            + "Root CA of 2008 and the first Ban Cơ yếu root, with their CAs), only for signatures whose time a trusted "
            + "timestamp proves within the validity of the CA that issued the signer")
    private boolean historicTrust;

    @Option(names = "--json", description = "print the report as JSON")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isRegularFile(in) || !Files.isReadable(in)) {
                return usage(out, err, "cannot read --in " + in + ": no such readable file");
            }
            if (detached != null && (!Files.isRegularFile(detached) || !Files.isReadable(detached))) {
                return usage(out, err, "cannot read --detached " + detached + ": no such readable file");
            }
            TrustAnchors anchors = null;
            for (Path t : trust) {
                TrustAnchors more = TrustAnchors.fromPem(t);
                anchors = anchors == null ? more : anchors.plus(more);
            }
            if (noDefaultTrust && anchors == null) {
                throw new InvalidInputException("--no-default-trust", "needs at least one --trust certificate");
            }
            if (!noDefaultTrust) {
                TrustAnchors base = TrustAnchors.defaults();
                TrustAnchors added = TrustCommand.userTrust();
                if (added != null) {
                    base = base.plus(added);
                }
                anchors = anchors == null ? base : base.plus(anchors);
            }
            if (historicTrust) {
                anchors = anchors.plus(TrustAnchors.historic());
            }
            SignatureVerifier verifier = SignatureVerifier.builder().trust(anchors)
                    .revocationChecking(offline ? RevocationChecking.OFFLINE
                            : noRevocation ? RevocationChecking.OFF : RevocationChecking.ONLINE)
                    .fetchPolicy(FetchPolicy.builder().allowPrivateAddresses(allowPrivateFetch).build())
                    .dotNetEnvelopedSignatureTransform(compatDotNetEnveloped).build();
            Document signed = Document.of(in);
            VerificationReport report = detached == null ? verifier.verify(signed) : verifier.verify(signed, Document.of(detached));
            if (needsDetached(report)) {
                if (json) {
                    out.println(report.toJson());
                }
                err.println("the signature in " + in + " is detached: give the signed document with --detached ORIGINAL");
                return GovSdkCommand.USAGE;
            }
            out.println(json ? report.toJson() : report.toString());
            return report.isValid() ? GovSdkCommand.OK : GovSdkCommand.NEGATIVE;
        } catch (InvalidInputException e) {
            return usage(out, err, "invalid: " + e.getMessage());
        }
    }

    /** A usage error: on stderr, and with --json also as {@code {"error": ...}} on stdout, so a report is always printed. */
    private int usage(PrintWriter out, PrintWriter err, String message) {
        err.println(message);
        if (json) {
            out.println(GovJson.writeString(java.util.Map.of("error", message)));
        }
        return GovSdkCommand.USAGE;
    }

    private static boolean needsDetached(VerificationReport report) {
        for (SignatureReport s : report.signatures()) {
            for (Reason r : s.reasons()) {
                if (r.code() == ReasonCode.DETACHED_CONTENT_MISSING) {
                    return true;
                }
            }
        }
        return false;
    }
}
