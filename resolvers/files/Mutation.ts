import type { IncomingUpload } from '../../src/files/file.service.js';
import type { MutationResolvers } from '../__generated__/types.js';

export const Mutation: MutationResolvers = {
  uploadFile: async (_parent, { file, purpose }, ctx) => ({ file: await ctx.services.files.upload(file as Promise<IncomingUpload>, purpose ?? 'GENERAL') }),
  uploadFiles: async (_parent, { files, purpose }, ctx) => ({ files: await ctx.services.files.uploadMany(files as Promise<IncomingUpload>[], purpose ?? 'GENERAL') }),
  createUploadUrl: async (_parent, { input }, ctx) => {
    const upload = await ctx.services.files.createUploadUrl({ name: input.name, purpose: input.purpose ?? 'GENERAL', size: input.size });
    return { fileId: upload.file.id, url: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt };
  },
  completeUpload: async (_parent, { input }, ctx) => ({ file: await ctx.services.files.completeUpload(input.id) }),
  deleteFile: async (_parent, { input }, ctx) => ({ deletedFileId: (await ctx.services.files.delete(input.id)).id }),
};
