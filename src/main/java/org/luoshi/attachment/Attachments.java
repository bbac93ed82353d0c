package org.luoshi.attachment;

import static org.luoshi.common.DomainException.invalid;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.luoshi.common.DomainException;
import org.luoshi.common.FileKind;
import org.luoshi.common.Filenames;
import org.luoshi.common.Inputs;
import org.luoshi.engine.Time;
import org.luoshi.identity.CurrentUser;
import org.luoshi.identity.Organisation;
import org.luoshi.item.ItemAccess;
import org.luoshi.item.ItemAccess.ItemParties;
import org.luoshi.item.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence files on items. Whoever may see an item may read its attachments; the office, the item's
 * unit and its responsible person may add them. A file is kept only when its content is one of the
 * allowed kinds (judged by its bytes; the client's name and content type are not believed) and within
 * the size limit.
 */
@Service
public class Attachments {

  private static final Logger LOG = LoggerFactory.getLogger(Attachments.class);

  /** A file to hand out: its name, what it is, its bytes. */
  public record Download(String name, FileKind kind, byte[] content) {}

  private final AttachmentRepository attachments;
  private final AttachmentContentRepository contents;
  private final ItemAccess items;
  private final Organisation organisation;
  private final AttachmentSettings settings;

  Attachments(AttachmentRepository attachments, AttachmentContentRepository contents, ItemAccess items,
      Organisation organisation, AttachmentSettings settings) {
    this.attachments = attachments;
    this.contents = contents;
    this.items = items;
    this.organisation = organisation;
    this.settings = settings;
  }

  @Transactional
  public AttachmentView upload(String itemCode, String fileName, long declaredSize, byte[] content, String purpose,
      CurrentUser user) {
    ItemParties item = items.visible(itemCode, Viewer.of(user));
    if (!mayAdd(item, user)) {
      throw DomainException.forbidden("只有督查室、责任单位和责任人可以上传此事项的附件");
    }
    AttachmentPurpose p = purpose(purpose);
    long size = content == null ? declaredSize : content.length;
    if (size > settings.maxSize().toBytes()) {
      throw invalid("file", "附件不能超过 " + megabytes(settings.maxSize().toBytes()) + "（此文件 " + megabytes(size) + "）");
    }
    if (content == null || size == 0) {
      throw invalid("file", "请选择要上传的文件（文件不能为空）");
    }
    FileKind kind = FileKind.sniff(content).filter(settings.allowedTypes()::contains).orElseThrow(() -> invalid("file",
        "不支持此类文件，只能上传：" + settings.allowedTypes().stream().map(FileKind::label).collect(Collectors.joining("、"))
            + "（按文件内容判断，与扩展名无关）"));
    String name = withExtension(Filenames.clean(fileName), kind);
    Attachment a = attachments.save(new Attachment(item.code(), name, size, kind, p, sha256(content), user.id(), Time.now()));
    contents.save(new AttachmentContent(a.getId(), content));
    LOG.info("Attachment {} ({} {} bytes) on {} by {}", a.getId(), kind, size, item.code(), user.id());
    return view(a);
  }

  @Transactional(readOnly = true)
  public List<AttachmentView> list(String itemCode, CurrentUser user) {
    ItemParties item = items.visible(itemCode, Viewer.of(user));
    return attachments.findByItemCodeOrderByUploadedAtDescIdDesc(item.code()).stream().map(this::view).toList();
  }

  /** The file, for whoever may see its item; 404 for an unknown id and for someone else's item alike. */
  @Transactional(readOnly = true)
  public Download download(long id, CurrentUser user) {
    Attachment a = attachments.findById(id).filter(x -> items.canSee(x.getItemCode(), Viewer.of(user)))
        .orElseThrow(() -> DomainException.notFound("没有这个附件：" + id));
    byte[] content = contents.findById(a.getId()).map(AttachmentContent::getContent)
        .orElseThrow(() -> new IllegalStateException("attachment " + id + " has no content"));
    return new Download(a.getName(), a.getKind(), content);
  }

  private static boolean mayAdd(ItemParties item, CurrentUser user) {
    return user.isOffice() || user.isAdmin() || user.id().equals(item.responsiblePerson())
        || user.unitCodes().contains(item.unitCode());
  }

  private AttachmentView view(Attachment a) {
    return new AttachmentView(a.getId(), a.getItemCode(), a.getName(), a.getSize(), a.getKind().contentType(),
        a.getUploadedBy(), organisation.nameOf(a.getUploadedBy()), OffsetDateTime.ofInstant(a.getUploadedAt(), Time.ZONE),
        a.getPurpose(), a.getPurpose().label());
  }

  private static AttachmentPurpose purpose(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      return AttachmentPurpose.OTHER;
    }
    try {
      return AttachmentPurpose.valueOf(purpose.strip());
    } catch (IllegalArgumentException e) {
      throw invalid("purpose", "附件用途应为 PROGRESS（进展佐证）、COMPLETION（完成佐证）、RECTIFICATION（整改佐证）或 OTHER（其他）："
          + Inputs.excerpt(purpose));
    }
  }

  /** The name with the extension of what the file really is (a PNG sent as 照片.pdf becomes 照片.pdf.png). */
  private static String withExtension(String name, FileKind kind) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean fits = lower.endsWith("." + kind.extension()) || kind == FileKind.JPEG && lower.endsWith(".jpeg");
    return fits ? name : name + "." + kind.extension();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String megabytes(long bytes) {
    return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1024 * 1024), 1,
        java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " MB";
  }
}
