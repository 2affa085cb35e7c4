import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiProperty,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor } from '@jejak/auth';
import {
  ACCEPTED_MEDIA_TYPES,
  DocumentNotFoundError,
  isSha256,
  UploadNotMultipartError,
} from '@jejak/documents';
import type { Actor } from '@jejak/workflows';
import { ValidationFailedError } from '../http/validation-exception.factory.js';
import { DocumentsService } from './documents.service.js';

class StoredDocumentDto {
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;

  @ApiProperty({ enum: ACCEPTED_MEDIA_TYPES })
  mediaType!: string;

  @ApiProperty({ example: 183_422, description: 'bytes' })
  size!: number;
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: getSchemaPath('Problem') } } },
});

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * Evidence files: the signed PDF of a decree, a scanned letter. Uploaded once, named by their
 * SHA-256; commands refer to them by that hash in a document's `files`.
 */
@ApiTags('documents')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload an evidence file (PDF, PNG or JPEG) and get its SHA-256',
    description:
      'multipart/form-data with one file in the field `file`, at most DOCUMENT_MAX_BYTES ' +
      '(20 MiB by default). The type is recognised from the content, not the name. The same ' +
      'file uploaded twice is stored once. A file no event refers to is readable only by its ' +
      'uploader and is removed a day after its last upload.',
    operationId: 'uploadDocument',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: StoredDocumentDto })
  @ApiResponse({ status: 400, ...problem('No file in the field `file`') })
  @ApiResponse({ status: 401, ...problem('No valid bearer token') })
  @ApiResponse({
    status: 413,
    ...problem('The file is larger than DOCUMENT_MAX_BYTES; nothing stored'),
  })
  @ApiResponse({
    status: 415,
    ...problem('Not multipart, or the file is not a PDF, PNG or JPEG; nothing stored'),
  })
  async upload(@Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    if (!request.isMultipart()) throw new UploadNotMultipartError();
    const file = await request.file();
    if (file === undefined || file.fieldname !== 'file') {
      throw new ValidationFailedError([
        { field: 'file', messages: ['send one file in the multipart form field "file"'] },
      ]);
    }
    return this.documents.upload(file, actor);
  }

  @Get(':sha256')
  @ApiOperation({
    summary: 'Download an evidence file by its SHA-256',
    description:
      'Readable by anyone who may read the selections whose events refer to it; a file no ' +
      'event refers to only by who uploaded it (404 for everyone else). The bytes are checked ' +
      'against the hash before they are sent.',
    operationId: 'downloadDocument',
  })
  @ApiParam({ name: 'sha256', description: '64 lowercase hexadecimal digits' })
  @ApiProduces(...ACCEPTED_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The file; ETag: "<sha256>"' })
  @ApiResponse({ status: 401, ...problem('No valid bearer token') })
  @ApiResponse({ status: 404, ...problem('No such file, or not one you may read') })
  async download(
    @Param('sha256') sha256: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    if (!isSha256(sha256)) throw new DocumentNotFoundError(sha256);
    const { info, bytes } = await this.documents.download(sha256, actor);
    void reply
      .header('etag', `"${sha256}"`)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header(
        'content-disposition',
        `attachment; filename="${sha256}.${EXTENSIONS[info.mediaType] ?? 'bin'}"`,
      );
    return new StreamableFile(bytes, { type: info.mediaType, length: bytes.length });
  }
}
