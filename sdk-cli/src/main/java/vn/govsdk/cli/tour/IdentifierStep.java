package vn.govsdk.cli.tour;

import java.io.PrintWriter;
import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.TaxCode;

/** Tour step: identifiers validated on construction, masked in {@code toString()}. */
final class IdentifierStep implements TourStep {

    @Override
    public String name() {
        return "identifiers";
    }

    @Override
    public String title() {
        return "Identifiers: citizen ID (CCCD) and tax code (mã số thuế), checked before any call";
    }

    @Override
    public void run(TourContext context, PrintWriter out) {
        CitizenId id = CitizenId.of("079203012345");
        out.println("  CitizenId.of(\"079203012345\") -> born " + id.birthYear() + ", " + id.gender()
                + ", registered in " + id.birthProvince().name());
        out.println("  its toString() in a log line -> " + id);
        out.println("  TaxCode.of(\"0100109106\") -> " + TaxCode.of("0100109106").kind());
        try {
            TaxCode.of("0100109107");
            throw new IllegalStateException("a wrong check digit was accepted");
        } catch (InvalidInputException e) {
            out.println("  TaxCode.of(\"0100109107\") refused: " + e.getMessage());
        }
    }
}
