package org.luoshi.item;

import java.util.List;
import org.luoshi.identity.CurrentUser;

/** Who looks at items: all of them (office, principal leaders, admin) or those they lead, own or whose unit they belong to. */
public record Viewer(String userId, boolean all, List<String> unitCodes) {

  public static Viewer of(CurrentUser user) {
    return new Viewer(user.id(), user.seesEverything(), user.unitCodes());
  }
}
