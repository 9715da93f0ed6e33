package vn.govsdk.dataexchange.gateway;

import java.util.List;
import java.util.Optional;

/**
 * One shared national code list (danh mục dùng chung), for example ethnic groups ({@code DM_DANTOC}).
 * Codes the SDK does not know are kept as they are.
 *
 * @param code the list's code
 * @param name the list's name, in Vietnamese
 * @param entries the entries, in the order served
 */
public record CodeList(String code, String name, List<CodeEntry> entries) {

    /**
     * Copies the entries.
     */
    public CodeList {
        entries = List.copyOf(entries);
    }

    /**
     * Finds an entry by code.
     *
     * @param entryCode the entry's code
     * @return the entry, or empty
     */
    public Optional<CodeEntry> find(String entryCode) {
        return entries.stream().filter(e -> e.code().equals(entryCode)).findFirst();
    }
}
