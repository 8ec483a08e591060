// The pCloud method table, one row per method of the index in docs/pcloud/README.md §2.
// Shared by the browser client and the emulator (both must implement every name listed here).

export type Category =
  | 'general'
  | 'folder'
  | 'file'
  | 'auth'
  | 'streaming'
  | 'archiving'
  | 'sharing'
  | 'publinks'
  | 'thumbnails'
  | 'uploadlinks'
  | 'revisions'
  | 'fileops'
  | 'newsletter'
  | 'trash'
  | 'collections'
  | 'oauth'
  | 'transfer'
  | 'upload';

export interface MethodInfo {
  name: string;
  category: Category;
  /** 'optional' = documented anonymous, but credentials change the reply (e.g. showpublink). */
  auth: 'yes' | 'no' | 'optional';
  /** 'binary' bodies still carry JSON errors (Content-Type application/json + X-Error). */
  returns: 'json' | 'binary' | 'redirect';
  /** Observed to answer 1000 to OAuth access tokens (docs/pcloud/methods-misc.md §5). */
  oauthRefused: boolean;
  /** false = not on docs.pcloud.com, seen in real clients only. */
  documented: boolean;
}

function row(
  name: string,
  category: Category,
  auth: MethodInfo['auth'],
  returns: MethodInfo['returns'],
  extra: Partial<Pick<MethodInfo, 'oauthRefused' | 'documented'>> = {},
): MethodInfo {
  return Object.freeze({
    name,
    category,
    auth,
    returns,
    oauthRefused: extra.oauthRefused ?? false,
    documented: extra.documented ?? true,
  });
}

export const METHODS: readonly MethodInfo[] = Object.freeze([
  row("getdigest", "general", "no", "json"),
  row("userinfo", "general", "yes", "json"),
  row("supportedlanguages", "general", "no", "json"),
  row("setlanguage", "general", "yes", "json"),
  row("feedback", "general", "no", "json"),
  row("currentserver", "general", "no", "json"),
  row("diff", "general", "yes", "json"),
  row("getfilehistory", "general", "yes", "json"),
  row("getip", "general", "no", "json"),
  row("getapiserver", "general", "no", "json"),
  row("search", "general", "yes", "json", { documented: false }),
  row("subscribe", "general", "yes", "json", { documented: false }),
  row("nop", "general", "no", "json", { documented: false }),
  row("createfolder", "folder", "yes", "json"),
  row("createfolderifnotexists", "folder", "yes", "json"),
  row("listfolder", "folder", "yes", "json"),
  row("renamefolder", "folder", "yes", "json"),
  row("deletefolder", "folder", "yes", "json"),
  row("deletefolderrecursive", "folder", "yes", "json"),
  row("copyfolder", "folder", "yes", "json"),
  row("uploadfile", "file", "yes", "json"),
  row("uploadprogress", "file", "yes", "json"),
  row("downloadfile", "file", "yes", "json"),
  row("downloadfileasync", "file", "yes", "json"),
  row("copyfile", "file", "yes", "json"),
  row("checksumfile", "file", "yes", "json"),
  row("deletefile", "file", "yes", "json"),
  row("renamefile", "file", "yes", "json"),
  row("stat", "file", "yes", "json"),
  row("sendverificationemail", "auth", "yes", "json"),
  row("verifyemail", "auth", "no", "json"),
  row("changepassword", "auth", "yes", "json"),
  row("lostpassword", "auth", "no", "json"),
  row("resetpassword", "auth", "no", "json"),
  row("register", "auth", "no", "json"),
  row("invite", "auth", "yes", "json"),
  row("userinvites", "auth", "yes", "json"),
  row("logout", "auth", "yes", "json"),
  row("listtokens", "auth", "yes", "json", { oauthRefused: true }),
  row("deletetoken", "auth", "yes", "json"),
  row("sendchangemail", "auth", "yes", "json"),
  row("changemail", "auth", "yes", "json"),
  row("senddeactivatemail", "auth", "yes", "json"),
  row("deactivateuser", "auth", "yes", "json"),
  row("getfilelink", "streaming", "yes", "json"),
  row("getvideolink", "streaming", "yes", "json"),
  row("getvideolinks", "streaming", "yes", "json"),
  row("getaudiolink", "streaming", "yes", "json"),
  row("gethlslink", "streaming", "yes", "json"),
  row("gettextfile", "streaming", "yes", "binary"),
  row("getzip", "archiving", "yes", "binary", { oauthRefused: true }),
  row("getziplink", "archiving", "yes", "json"),
  row("savezip", "archiving", "yes", "json"),
  row("extractarchive", "archiving", "yes", "json"),
  row("extractarchiveprogress", "archiving", "yes", "json"),
  row("savezipprogress", "archiving", "yes", "json"),
  row("sharefolder", "sharing", "yes", "json"),
  row("listshares", "sharing", "yes", "json"),
  row("sharerequestinfo", "sharing", "no", "json"),
  row("cancelsharerequest", "sharing", "yes", "json"),
  row("acceptshare", "sharing", "yes", "json"),
  row("declineshare", "sharing", "yes", "json"),
  row("removeshare", "sharing", "yes", "json"),
  row("changeshare", "sharing", "yes", "json"),
  row("getfilepublink", "publinks", "yes", "json"),
  row("getfolderpublink", "publinks", "yes", "json"),
  row("gettreepublink", "publinks", "yes", "json"),
  row("showpublink", "publinks", "optional", "json"),
  row("getpublinkdownload", "publinks", "optional", "json"),
  row("copypubfile", "publinks", "yes", "json"),
  row("listpublinks", "publinks", "yes", "json"),
  row("listplshort", "publinks", "yes", "json"),
  row("deletepublink", "publinks", "yes", "json"),
  row("changepublink", "publinks", "yes", "json"),
  row("getpubthumb", "publinks", "no", "binary"),
  row("getpubthumblink", "publinks", "no", "json"),
  row("getpubthumbslinks", "publinks", "no", "json"),
  row("savepubthumb", "publinks", "yes", "json"),
  row("getpubzip", "publinks", "optional", "binary"),
  row("getpubziplink", "publinks", "no", "json"),
  row("savepubzip", "publinks", "yes", "json"),
  row("getpubvideolinks", "publinks", "no", "json"),
  row("getpubaudiolink", "publinks", "no", "json"),
  row("getpubtextfile", "publinks", "no", "binary"),
  row("getcollectionpublink", "publinks", "yes", "json"),
  row("getthumblink", "thumbnails", "yes", "json"),
  row("getthumbslinks", "thumbnails", "yes", "json"),
  row("getthumb", "thumbnails", "yes", "binary"),
  row("savethumb", "thumbnails", "yes", "json"),
  row("createuploadlink", "uploadlinks", "yes", "json"),
  row("listuploadlinks", "uploadlinks", "yes", "json"),
  row("deleteuploadlink", "uploadlinks", "yes", "json"),
  row("changeuploadlink", "uploadlinks", "yes", "json"),
  row("showuploadlink", "uploadlinks", "no", "json"),
  row("uploadtolink", "uploadlinks", "no", "json"),
  row("uploadlinkprogress", "uploadlinks", "no", "json"),
  row("copytolink", "uploadlinks", "yes", "json"),
  row("listrevisions", "revisions", "yes", "json"),
  row("revertrevision", "revisions", "yes", "json"),
  row("file_open", "fileops", "yes", "json"),
  row("file_write", "fileops", "yes", "json"),
  row("file_pwrite", "fileops", "yes", "json"),
  row("file_read", "fileops", "yes", "binary"),
  row("file_pread", "fileops", "yes", "binary"),
  row("file_pread_ifmod", "fileops", "yes", "binary"),
  row("file_checksum", "fileops", "yes", "json"),
  row("file_size", "fileops", "yes", "json"),
  row("file_truncate", "fileops", "yes", "json"),
  row("file_seek", "fileops", "yes", "json"),
  row("file_close", "fileops", "yes", "json"),
  row("file_lock", "fileops", "yes", "json"),
  row("newsletter_subscribe", "newsletter", "no", "json"),
  row("newsletter_check", "newsletter", "yes", "json"),
  row("newsletter_verifyemail", "newsletter", "no", "json"),
  row("newsletter_unsubscribe", "newsletter", "no", "json"),
  row("newsletter_unsibscribemail", "newsletter", "no", "json"),
  row("trash_list", "trash", "yes", "json", { oauthRefused: true }),
  row("trash_restorepath", "trash", "yes", "json", { oauthRefused: true }),
  row("trash_restore", "trash", "yes", "json", { oauthRefused: true }),
  row("trash_clear", "trash", "yes", "json", { oauthRefused: true }),
  row("collection_list", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_details", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_create", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_rename", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_delete", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_linkfiles", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_unlinkfiles", "collections", "yes", "json", { oauthRefused: true }),
  row("collection_move", "collections", "yes", "json", { oauthRefused: true }),
  row("authorize", "oauth", "no", "redirect"),
  row("oauth2_token", "oauth", "no", "json"),
  row("uploadtransfer", "transfer", "no", "json"),
  row("uploadtransferprogress", "transfer", "no", "json"),
  row("login", "auth", "no", "json", { documented: false }),
  row("tfa_login", "auth", "no", "json", { documented: false }),
  row("tfa_loginwithrecoverycode", "auth", "no", "json", { documented: false }),
  row("tfa_sendcodeviasms", "auth", "no", "json", { documented: false }),
  row("tfa_sendcodeviasysnotification", "auth", "no", "json", { documented: false }),
  row("getmediatranscodepublink", "publinks", "no", "json", { documented: false }),
  row("notifyuploadlink", "uploadlinks", "no", "json", { documented: false }),
  row("account_teamshare", "sharing", "yes", "json", { documented: false }),
  row("upload_create", "upload", "yes", "json", { documented: false }),
  row("upload_write", "upload", "yes", "json", { documented: false }),
  row("upload_info", "upload", "yes", "json", { documented: false }),
  row("upload_save", "upload", "yes", "json", { documented: false }),
  row("upload_delete", "upload", "yes", "json", { documented: false }),
]);

const BY_NAME: ReadonlyMap<string, MethodInfo> = new Map(METHODS.map((m) => [m.name, m]));

export function methodInfo(name: string): MethodInfo | undefined {
  return BY_NAME.get(name);
}
