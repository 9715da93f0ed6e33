package vn.govsdk.examples;

import vn.govsdk.core.InvalidInputException;
import vn.govsdk.core.id.CitizenId;
import vn.govsdk.core.id.TaxCode;

/**
 * The README's quick start, compiled and run with the build so that it never goes stale. The code
 * between the markers is copied into README.md verbatim (a test checks they match).
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        // quick-start:begin
        CitizenId id = CitizenId.of("079203012345");           // validated on construction
        System.out.println(id.birthProvince().name()           // Hồ Chí Minh (birth registration)
                + ", " + id.gender() + ", born " + id.birthYear());  // MALE, born 2003
        System.out.println(id);                                // CitizenId[079*******45]: masked

        TaxCode viettel = TaxCode.of("0100109106");            // check digit verified
        System.out.println(viettel.kind());                    // ORGANISATION
        try {
            TaxCode.of("0100109107");
        } catch (InvalidInputException e) {                    // names the field and the rule
            System.out.println(e.field() + ": " + e.rule());
        }
        // quick-start:end
    }
}
