package org.luoshi.identity;

import java.util.List;

/**
 * A person as the option lists of forms and pages name them: user id, 王磊 (family name first),
 * and the units or posts that place them (区人社局, 督查室, 区级分管领导). No e-mail address.
 */
public record DirectoryEntry(String id, String name, List<String> unitNames) {}
