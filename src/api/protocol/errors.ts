// pCloud result codes and their exact server messages, sourced in docs/pcloud/errors.md.
// Spelling mistakes ("alredy", "preform", "bacause", "provice", "occured") and missing final dots
// are deliberate: the emulator must reproduce them byte-for-byte because clients match on text.
// Codes whose real message has never been observed carry an invented message, marked as such.

export const RESULT_MESSAGES: Readonly<Record<number, string>> = Object.freeze({
  1000: "Log in required.",
  1001: "No full path or name/folderid provided.",
  1002: "No full path or folderid provided.",
  1003: "Neither csr or publickey is provided. Please create Certificate Signing Request and pass it as 'csr' parameter or send your 'publickey'.",
  1004: "No fileid or path provided.",
  1005: "Unknown content-type requested.",
  1006: "Please provide flags.",
  1007: "Invalid or closed file descriptor.",
  1008: "Please provide lock 'type'.",
  1009: "Please provide 'offset'.",
  1010: "Please provide 'length'.",
  1011: "Please provide 'count'.",
  1012: "Invalid lock type. Please provide type (supported values: 0, 1, 2).",
  1013: "Date/time format not understood.",
  1014: "Thumb can not be created from this file type.",
  1015: "Please provide valid thumb size. Width and height must be divisible either by 4 or 5 and must be between 16 and 2048 (1024 for height).",
  1016: "No full topath or toname/tofolderid provided.",
  1017: "Invalid 'folderid' provided.",
  1018: "Invalid 'fileid' provided.",
  1019: "Please provide 'sha1' or 'md5' checksum",
  1020: "Please provide language.",
  1021: "Language not supported.",
  1022: "Please provide 'code'.",
  1023: "Please provide 'mail' to share folder with.",
  1024: "Please provide 'permissions' for the share.",
  1025: "Please provide 'sharerequestid' or 'code' to accept a share.",
  1026: "Please provide 'sharerequestid'.",
  1027: "Please provide 'shareid'.",
  1028: "Please provide link 'code'.",
  1029: "Please provide 'fileid'.",
  1030: "Please provide 'linkid'.",
  1031: "Please provide 'oldpassword'.",
  1032: "Please provide 'newpassword'.",
  1033: "Please provide 'mail'.",
  1034: "Please provide 'password'.",
  1035: "Please provide 'comment'.",
  1036: "Please provide 'uploadlinkid'.",
  1037: "Please provide at least one of 'topath', 'tofolderid' or 'toname'.",
  1038: "Please provide 'fileids'.",
  1039: "Please provide 'name'.",
  1040: "Please provide 'url'.",
  1041: "Please provide 'message'.",
  1042: "Please provide 'reason'.",
  1053: "Please provide 'fileid' or 'folderid'.",
  1054: "Cannot restore this item.", // emulator-invented
  1057: "Please provide 'collectionid'.",
  1058: "Please provide valid collection 'type'.",
  1059: "Please provide 'item'.",
  1060: "Please provide 'position'.",
  1074: "Please provice valid 'sendermail'.",
  1075: "Please provice valid 'receivermails'.",
  1076: "Please provide 'tokenid'.",
  1101: "Recursive listing of the root folder is not allowed.", // emulator-invented
  1900: "Upload not found",
  1901: "Zip not found",
  2000: "Log in failed.",
  2001: "Invalid file/folder name.",
  2002: "A component of parent directory does not exist.",
  2003: "Access denied. You do not have permissions to preform this operation.",
  2004: "File or folder alredy exists.",
  2005: "Directory does not exist.",
  2006: "Folder is not empty.",
  2007: "Cannot delete the root folder.",
  2008: "User is over quota.",
  2009: "File not found.",
  2010: "Invalid path.",
  2011: "Requested speed limit too low, see minspeed for minimum.",
  2012: "Invalid 'code' provided.",
  2013: "Email is already verified.",
  2014: "Please verify your email address to preform this action.",
  2015: "Can not share root folder.",
  2016: "You can only share your own folders.",
  2017: "User does not accept shares.",
  2018: "Invalid 'mail' provided.",
  2019: "Share request already exists.",
  2020: "You can't share a folder with yourself.",
  2021: "Non existing share request. It might be already accepted or cancelled by the sending user.",
  2022: "Wrong user to accept the share.",
  2023: "You are trying to place shared folder into another shared folder.",
  2024: "User already has access to this folder or subfolder of this folder.",
  2025: "Invalid shareid.",
  2026: "You can only share your own files or folders. Copy the file to a folder you own if you need to share it.",
  2027: "Invalid or already deleted link.",
  2028: "There are active shares or sharerequests for this folder.",
  2029: "Revision with provided 'revisionid' not found.",
  2030: "New password is the same as the old one.",
  2031: "Wrong 'oldpassword' provided.",
  2032: "Password too short. Minimum length is 6 characters.",
  2033: "Password can not start or end with space.",
  2034: "Password does not contain enough different characters. The minimum is 4.",
  2035: "Password can not contain only consecutive characters.",
  2036: "Verification 'code' expired. Please request password reset again.",
  2037: "You need to accept Terms of Service and all other agreements to register.",
  2038: "User with this email is already registered.",
  2039: "You have to own the folder for upload.",
  2040: "Given 'uploadlinkid' not found.",
  2041: "Connection broken.",
  2042: "Cannot rename the root folder.",
  2043: "Cannot move a folder to a subfolder of itself.",
  2044: "Video links can only be generated for videos.",
  2055: "File or folder not found.", // emulator-invented
  2061: "Invalid encoding.", // emulator-invented
  2064: "Expired login token.", // emulator-invented
  2065: "Collection not found.",
  2066: "Item could not be moved in the collection - invalid parameters.",
  2067: "Upload not found.", // emulator-invented
  2068: "Could not write to upload.", // emulator-invented
  2071: "Invalid file for the collection.", // emulator-invented
  2072: "Collection item limit reached.", // emulator-invented
  2073: "The name for the collection is already used.",
  2074: "Expired 'code' provided.",
  2088: "No file upload detected.",
  2092: "Invalid verification code.", // emulator-invented
  2094: "Invalid 'access_token' provided.",
  2095: "Revoked 'access_token' provided, you need to re-authorize the application.",
  2097: "Transfer is over quota",
  2098: "Transfer can not be done from this sender email",
  2099: "Too many receiver emails",
  2100: "Transfer can not be done to these receiver emails",
  2102: "Provided 'tokenid' not found.",
  2119: "Can not create non-encrypted file in encrypted folder.",
  2206: "Can not copy folder into itself.",
  2207: "Can not copy folder to subfolder of itself",
  2208: "Target folder does not exist",
  2261: "Paid account required.", // emulator-invented
  2271: "User is already with this mail.",
  2272: "Wrong 'password' provided.",
  2205: "Your login has expired, please log in again.", // emulator-invented
  2229: "Your login has expired.", // emulator-invented
  2297: "Two-factor authentication required.", // emulator-invented
  2321: "This account is in another region.", // emulator-invented
  3000: "SSL error occured. Check sslerror for more information.",
  3001: "Could not create thumb from the given file.",
  3002: "Connection to iTunes failed.",
  3003: "iTunes error.",
  4000: "Too many login tries from this IP address.",
  4010: "Too many requests from this IP address.", // emulator-invented
  5000: "Internal error. Try again later.",
  5001: "Internal upload error.",
  5002: "Internal error, no servers available. Try again later.",
  5003: "Write error. Try reopening the file.",
  5004: "Read error. Try reopening the file.",
  6000: "Not modified",
  6001: "Same thumbnail as an earlier line.", // emulator-invented
  6002: "Subscription cancelled.", // emulator-invented
  6003: "Subscription timed out.", // emulator-invented
  7001: "Invalid link 'code'.",
  7002: "This link is deleted by the owner.",
  7003: "This link is deleted bacause of copyright complaint.",
  7004: "This link has expired.",
  7005: "This link has reached its traffic limit.",
  7006: "This link has reached maximum downloads.",
  7007: "This link has reached its space limit.",
  7008: "This link has reached its file limit.",
  7009: "This archive is password protected.", // emulator-invented
  7010: "Invalid link referer.",
});

export type ErrorKind =
  | 'auth'
  | 'notFound'
  | 'exists'
  | 'quota'
  | 'forbidden'
  | 'rateLimit'
  | 'retryable'
  | 'badRequest'
  | 'invalidName'
  | 'link'
  | 'notModified'
  | 'oauthRefused'
  | 'unknown';

const KIND_BY_CODE: Readonly<Record<number, ErrorKind>> = {
  1000: 'auth', 2000: 'auth', 2094: 'auth', 2095: 'auth', 2205: 'auth', 2229: 'auth',
  2002: 'notFound', 2005: 'notFound', 2009: 'notFound', 2029: 'notFound', 2040: 'notFound',
  2065: 'notFound', 1900: 'notFound', 1901: 'notFound', 2067: 'notFound',
  2001: 'invalidName',
  2004: 'exists', 2038: 'exists', 2073: 'exists',
  2008: 'quota', 7007: 'quota', 7008: 'quota', 2097: 'quota',
  2003: 'forbidden', 2014: 'forbidden', 2016: 'forbidden', 2026: 'forbidden', 2039: 'forbidden',
  4000: 'rateLimit', 4010: 'rateLimit',
  6000: 'notModified',
};

/**
 * Coarse classification views switch on. 'oauthRefused' is never returned here because it depends
 * on the method as well as the code (see isOAuthRefusal in src/api/errors.ts).
 */
export function errorKind(code: number): ErrorKind {
  const explicit = KIND_BY_CODE[code];
  if (explicit !== undefined) return explicit;
  if (code >= 5000 && code < 6000) return 'retryable';
  if (code >= 7000 && code < 8000) return 'link';
  if (code >= 1000 && code < 2000) return 'badRequest';
  return 'unknown';
}

/** rclone's policy, which pCloud's ERRORS section endorses: only 4xxx and 5xxx may succeed later. */
export function isRetryableCode(code: number): boolean {
  return code >= 4000 && code < 6000;
}
