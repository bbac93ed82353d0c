package org.luoshi.instruction;

import jakarta.validation.Valid;
import java.net.URI;
import org.luoshi.common.Bounded;
import org.luoshi.common.DomainException;
import org.luoshi.identity.CurrentUser;
import org.luoshi.item.ItemInstructions.Instruction;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/items/{code}/instructions: a leader's instruction (领导批示) on an item (DESIGN.md §5). */
@RestController
class InstructionController {

  private final Instructions instructions;
  private final CurrentUser user;

  InstructionController(Instructions instructions, CurrentUser user) {
    this.instructions = instructions;
    this.user = user;
  }

  @Bounded(scope = Instructions.SCOPE)
  record InstructionRequest(String text) {}

  @PostMapping("/api/items/{code}/instructions")
  ResponseEntity<Instruction> write(@PathVariable String code,
      @Valid @RequestBody(required = false) InstructionRequest request) {
    if (request == null) {
      throw DomainException.invalid("text", "缺少请求体：请填写批示内容");
    }
    Instruction written = instructions.write(code, request.text(), user.id());
    return ResponseEntity.created(URI.create("/api/items/" + code + "/instructions/" + written.id())).body(written);
  }
}
