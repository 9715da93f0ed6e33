package vn.govsdk.dataexchange.gateway;

/**
 * One entry of a shared code list, for example code {@code 01}, name {@code Kinh} in the ethnic
 * groups (dân tộc) list.
 *
 * @param code the code
 * @param name the name, in Vietnamese
 */
public record CodeEntry(String code, String name) {
}
