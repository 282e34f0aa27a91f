using Ambient.Language.Teacher;

return TeacherCommand.Run(args, Console.Out, Console.Error);
