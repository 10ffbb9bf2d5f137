import { useNavigate } from "react-router-dom";
import { usePage } from "../ui/usePage";
import { RegisterForm } from "./RegisterForm";

export function RegisterPage() {
  const heading = usePage("Register a system");
  const navigate = useNavigate();
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Register a system
      </h1>
      <RegisterForm onRegistered={(id) => navigate(`/systems/${id}`)} />
    </>
  );
}
