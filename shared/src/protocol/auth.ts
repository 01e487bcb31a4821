import { z } from 'zod';

const Email = z
  .string({ error: 'email is required' })
  .trim()
  .toLowerCase()
  .max(254, 'the email is too long')
  .pipe(z.email({ error: 'email must be an email address like ana@example.com' }));

export const RegisterRequestSchema = z.object({
  email: Email,
  password: z
    .string({ error: 'password is required' })
    .min(8, 'the password must be at least 8 characters long')
    .max(200, 'the password is too long (max 200 characters)'),
  name: z.string({ error: 'name is required' }).trim().min(1, 'name must not be empty').max(200, 'the name is too long'),
});
export type RegisterRequest = z.input<typeof RegisterRequestSchema>;

export const LoginRequestSchema = z.object({
  email: Email,
  password: z.string({ error: 'password is required' }).min(1, 'password is required').max(200, 'the password is too long'),
});
export type LoginRequest = z.input<typeof LoginRequestSchema>;

/** Body of `POST /api/auth/refresh` and `POST /api/auth/logout`. */
export const RefreshRequestSchema = z.object({
  refreshToken: z.string({ error: 'refreshToken is required' }).min(1, 'refreshToken is required').max(200, 'refreshToken is too long'),
});
export type RefreshRequest = z.input<typeof RefreshRequestSchema>;

export const UserSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type User = z.infer<typeof UserSchema>;

/** Answer of register, login and refresh. */
export const AuthResponseSchema = z.object({ user: UserSchema, accessToken: z.string(), refreshToken: z.string() });
export type AuthResponse = z.infer<typeof AuthResponseSchema>;
