import { XapiActivity } from './xapi-activity.entity';
import { XapiAttachment } from './xapi-attachment.entity';
import { XapiClient } from './xapi-client.entity';
import { XapiDocument } from './xapi-document.entity';
import { XapiForwarded } from './xapi-forwarded.entity';
import { XapiStatement, XapiStatementRef } from './xapi-statement.entity';

/** The tables of the learning record store (registered in database/entities.ts). */
export const XAPI_ENTITIES = [XapiClient, XapiStatement, XapiStatementRef, XapiDocument, XapiAttachment, XapiActivity, XapiForwarded];
